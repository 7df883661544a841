package io.gridside.site.vee;

/** Checks shared by the VEE records; each failure names the field that broke the rule. */
final class VeeChecks {

    private VeeChecks() {
    }

    static void meterId(String meterId) {
        if (meterId == null || meterId.isBlank()) {
            throw new IllegalArgumentException("meterId must not be blank");
        }
    }

    static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value.strip();
    }
}
