package io.gridside.site;

import java.util.Currency;
import java.util.regex.Pattern;

/** Checks shared by the domain records; each failure names the field that broke the rule. */
final class Validate {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Validate() {
    }

    static void id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    field + " must be 1-64 letters, digits or . _ : -, starting with a letter or digit, was "
                            + (value == null ? "null" : "'" + value + "'"));
        }
    }

    static void currency(String code) {
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, was '" + code + "'", e);
        }
    }
}
