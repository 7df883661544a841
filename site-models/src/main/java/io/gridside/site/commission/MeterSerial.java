package io.gridside.site.commission;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A meter's serial, as printed on its label and in its barcode: two capital letters naming the maker, eight digits,
 * and a check digit, eleven characters in all, such as {@code GS004200017}. The check digit is the Luhn (mod 10)
 * digit over the serial with each letter written as its two-digit value (A is 10, B is 11 ... Z is 35), the way
 * ISIN codes use it. It catches every mistyped digit and every swap of two neighbouring digits but 0 and 9; a
 * mistyped letter is caught most of the time, not always, since one decimal digit cannot tell 26 letters apart (a
 * serial with a wrong letter is then refused as not among the meters that joined the mesh).
 *
 * <p>A scanner acting as a keyboard types what it reads followed by Enter or Tab. What it reads is either Code 128
 * holding the serial alone, or a QR code holding a URI with a {@code serial} query parameter
 * ({@code gridside:meter?serial=GS004200017&hw=mtr-r2}) or {@code key=value} text separated by new lines,
 * {@code ;} or {@code &} with a {@code serial} key. {@link #fromScan} takes any of these and answers the serial.
 */
public final class MeterSerial {

    /** A serial without its separators, check digit included. */
    private static final Pattern SERIAL = Pattern.compile("[A-Z]{2}[0-9]{9}");
    /** The symbology identifier some scanners put first: a bracket, a letter and a digit, such as ]C0 or ]Q1. */
    private static final Pattern SYMBOLOGY = Pattern.compile("^\\][A-Za-z][0-9]");
    private static final String EXAMPLE = "GS004200017";

    private MeterSerial() {
    }

    /**
     * The serial that a barcode scan or typed text holds, separators dropped and letters made capital.
     *
     * @throws CommissionRefusal {@link CommissionRefusal#SERIAL_MALFORMED} when the text holds no serial, or
     *     {@link CommissionRefusal#SERIAL_CHECK_DIGIT} when its check digit is wrong
     */
    public static String fromScan(String scanned) {
        String text = scanned == null ? "" : scanned.strip();
        text = SYMBOLOGY.matcher(text).replaceFirst("");
        String serial = text.contains("=") ? fromPayload(text, scanned) : text;
        String normalised = serial.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        requireValid(normalised);
        return normalised;
    }

    /**
     * Refuses a serial that is not two capital letters and nine digits, or whose check digit is wrong.
     *
     * @throws CommissionRefusal saying which
     */
    public static void requireValid(String serial) {
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            throw new CommissionRefusal(CommissionRefusal.SERIAL_MALFORMED, "serialMalformed",
                    List.of(printable(serial), EXAMPLE), "'" + printable(serial) + "' is not a "
                    + "meter serial: a serial is two letters and nine digits, the last a check digit, such as "
                    + EXAMPLE + ". Scan the meter's label again or type the serial printed on it.");
        }
        if (checkDigit(serial.substring(0, serial.length() - 1)) != serial.charAt(serial.length() - 1) - '0') {
            throw new CommissionRefusal(CommissionRefusal.SERIAL_CHECK_DIGIT, "serialCheckDigit",
                    List.of(serial), "The serial " + serial + " has a "
                    + "wrong check digit: a character was mistyped or two were swapped. Scan the label again or "
                    + "type the serial once more from it.");
        }
    }

    /** Whether {@code serial} is a valid serial, check digit included. */
    public static boolean isValid(String serial) {
        try {
            requireValid(serial);
            return true;
        } catch (CommissionRefusal e) {
            return false;
        }
    }

    /** The serial of maker {@code prefix} (two capital letters) and number {@code number} (0 to 99,999,999). */
    public static String of(String prefix, long number) {
        if (prefix == null || !prefix.matches("[A-Z]{2}") || number < 0 || number > 99_999_999L) {
            throw new IllegalArgumentException("A serial is made of two capital letters and a number of at most "
                    + "eight digits: " + prefix + ", " + number);
        }
        String body = prefix + String.format(Locale.ROOT, "%08d", number);
        return body + checkDigit(body);
    }

    /** The Luhn check digit of {@code body}, letters written as their two-digit values. */
    static int checkDigit(String body) {
        StringBuilder digits = new StringBuilder();
        for (char c : body.toCharArray()) {
            digits.append(Character.isLetter(c) ? Integer.toString(c - 'A' + 10) : String.valueOf(c));
        }
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }

    /** The {@code serial} value of a QR payload: a URI's query or key=value text. */
    private static String fromPayload(String text, String scanned) {
        int query = text.indexOf('?');
        String pairs = query >= 0 ? text.substring(query + 1) : text;
        for (String pair : pairs.split("[\\n\\r;&]+")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("serial")) {
                return URLDecoder.decode(pair.substring(equals + 1).strip(), StandardCharsets.UTF_8);
            }
        }
        throw new CommissionRefusal(CommissionRefusal.SERIAL_MALFORMED, "scanWithoutSerial",
                List.of(printable(scanned)), "The code scanned ('" + printable(scanned)
                + "') holds no serial: a meter's QR code holds serial=... . Scan the meter's own label.");
    }

    /** {@code text} shortened and stripped of control characters, to quote it in a message. */
    private static String printable(String text) {
        if (text == null) {
            return "";
        }
        String shown = text.replaceAll("\\p{Cntrl}", " ").strip();
        return shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
    }
}
