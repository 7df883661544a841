package io.gridside.console.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second guard of the diagnostics bundle: a pass over every text that goes in, after the allow-list chose what
 * goes in. It replaces what it was told is personal (customers' and technicians' names, phone numbers, addresses,
 * ids) by a stable pseudonym, so that support can follow one person through every file of a bundle without learning
 * who they are, and what it was told is secret by a mark. Then it replaces whatever merely looks like a phone
 * number, an e-mail address, a credential assignment ("pin=...", "token: ...") or a key (a long run of base64 or
 * hexadecimal), whether or not it was told of it.
 *
 * <p>The pseudonym of a person is "person-" and eight hexadecimal digits of a SHA-256 over a salt drawn for the
 * bundle and the person's key: the same person has the same pseudonym in every file of one bundle, and no list of
 * known names or phone numbers can be hashed to find them again.
 */
public final class Redactor {

    /** The mark of a secret that was removed. */
    public static final String REMOVED_SECRET = "[removed-secret]";
    /** The mark of what looked like a key or a signature. */
    public static final String REMOVED_KEY = "[removed-key]";
    /** The mark of what looked like a phone number. */
    public static final String REMOVED_PHONE = "[removed-phone]";
    /** The mark of a name or an address removed because the people it could belong to were not all known. */
    public static final String REMOVED_NAME = "[removed-name]";
    /** The mark of what looked like an e-mail address. */
    public static final String REMOVED_EMAIL = "[removed-email]";

    /** Values shorter than this are not replaced where they stand: they would match inside ordinary words. */
    private static final int SHORTEST_VALUE = 3;

    private static final Pattern ASSIGNMENT = Pattern.compile("(?i)(\\b(?:password|passwd|passphrase|secret|token"
            + "|pin|api[_-]?key|private[_-]?key|signature|credential|authorization)\\b[\"']?\\s*[=:]\\s*[\"']?)"
            + "([^\\s\"',;}\\]]+)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    // KNOWN SHORTCOMING: a number without its "+" is recognised only with a country code of Africa's zone 2 (but
    // Egypt's "20", which a compact date begins with) and twelve digits; a twelve-digit id such as 254700000124
    // is taken for one, and a number of another zone written so is not.
    /**
     * A phone number as people write it: "+" and 8 to 14 digits, or a local number of ten digits beginning "0",
     * either with single spaces, dots or hyphens between digits ("+255 712 345 678", "0722-111-222"); the same with
     * the trunk "0" in brackets after the country code ("+254 (0) 700 000 123") or the local area in brackets
     * ("(0700) 000 123"); an African number of twelve digits without its "+" ("254700000123"), as mobile-money
     * systems write it; and any of them after "tel:". It must not touch a figure around it, so nothing of a word, a
     * decimal, a date, a time or a serial may join it: a date is cut by its slashes or has fewer digits, a time by its
     * colons, a serial by the letters or hyphen before it.
     */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+.,:/-])(?:(?i:tel:))?(?:"
            + "\\+[1-9](?:[ .-]?[0-9]){7,13}"
            + "|\\+[1-9][0-9]{0,2} ?\\(0\\)(?:[ .-]?[0-9]){7,11}"
            + "|0[1-9](?:[ .-]?[0-9]){8}"
            + "|\\(0[1-9]\\)(?:[ .-]?[0-9]){8}|\\(0[1-9][0-9]\\)(?:[ .-]?[0-9]){7}"
            + "|\\(0[1-9][0-9]{2}\\)(?:[ .-]?[0-9]){6}|\\(0[1-9][0-9]{3}\\)(?:[ .-]?[0-9]){5}"
            + "|2[1-9][0-9][1-9][0-9]{8})(?![\\w]|[.,:/-]?[0-9])");
    /** A file's extension after a run: a run that is a file's name or path is no key, whatever its letters. */
    private static final Pattern EXTENSION = Pattern.compile("\\.[a-z0-9]{1,5}(?![A-Za-z0-9_])");
    private static final Pattern HEX = Pattern.compile("(?<![0-9A-Za-z])[0-9a-fA-F]{32,}(?![0-9A-Za-z])");
    private static final Pattern BASE64 = Pattern.compile("(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{32,}={0,2}"
            + "(?![A-Za-z0-9+/=_-])");

    /**
     * A credential id where a text names its holder's role: "Technician T-0100", "as supervisor S-0001",
     * "technicianIds=[T-0100]". The id must hold a digit, so that a word such as "Technician signed" is left alone.
     */
    private static final Pattern ROLE_ID = Pattern.compile("(?i)(\\b(?:technician|supervisor)(?:ids?)?\\b[\"']?"
            + "\\s*[=:]?\\s*\\[?[\"']?)(?-i)(?!person-)([A-Za-z][A-Za-z0-9_-]*[0-9][A-Za-z0-9_-]*)");

    private final byte[] salt;
    private final Map<String, String> replacements;
    /** Ids of the form of the credential ids told (their letters kept, any digits), or null when none was told. */
    private final Pattern credentialForm;
    /** The values told, by their first word, longest first: a look-up per word instead of one huge pattern. */
    private final Map<String, List<String>> byStart;

    private Redactor(byte[] salt, Map<String, String> replacements, Pattern credentialForm) {
        this.salt = salt.clone();
        this.replacements = Map.copyOf(replacements);
        this.credentialForm = credentialForm;
        Map<String, List<String>> starts = new HashMap<>();
        for (String value : replacements.keySet()) {
            starts.computeIfAbsent(start(value, 0), key -> new ArrayList<>()).add(value);
        }
        // The longest first, so that a full name is replaced before a part of it that is also told.
        starts.values().forEach(values -> values.sort(Comparator.comparingInt(String::length).reversed()));
        this.byStart = Map.copyOf(starts);
    }

    /** A redactor to be told of people and secrets, its pseudonyms drawn with {@code salt}. */
    public static Builder withSalt(byte[] salt) {
        return new Builder(salt);
    }

    /** The pseudonym of the person whose key (a customer's or technician's id) is {@code key}. */
    public String pseudonym(String key) {
        return pseudonym(salt, key);
    }

    /** {@code text} with everything personal and secret replaced. */
    public String redact(String text) {
        String result = replaceTold(text);
        result = replace(ROLE_ID, result, match -> match.group(1) + pseudonym(match.group(2)));
        if (credentialForm != null) {
            result = replace(credentialForm, result, match -> pseudonym(match.group()));
        }
        result = replace(ASSIGNMENT, result, match -> match.group(1) + REMOVED_SECRET);
        result = replace(EMAIL, result, match -> REMOVED_EMAIL);
        result = replace(PHONE, result, match -> REMOVED_PHONE);
        result = replace(HEX, result, match -> REMOVED_KEY);
        String keyed = result;
        return replace(BASE64, keyed, match -> looksLikeKey(match.group()) && !isFileName(keyed, match.end())
                ? REMOVED_KEY : match.group());
    }

    /**
     * {@code text} with every value told replaced where it stands as whole words, whatever its case: at each place
     * where a word begins, the values that begin with the same word are tried, the longest first.
     */
    private String replaceTold(String text) {
        if (byStart.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            String found = i == 0 || !isWord(text.charAt(i - 1)) ? toldAt(text, i) : null;
            if (found == null) {
                out.append(text.charAt(i));
                i++;
            } else {
                out.append(replacements.get(found));
                i += found.length();
            }
        }
        return out.toString();
    }

    /** The longest value told that stands at {@code at} in {@code text} as whole words, or null. */
    private String toldAt(String text, int at) {
        char first = text.charAt(at);
        if (!isWord(first) && first != '+') {
            return null;
        }
        List<String> candidates = byStart.get(start(text, at));
        if (candidates == null) {
            return null;
        }
        for (String value : candidates) {
            int end = at + value.length();
            if (text.regionMatches(true, at, value, 0, value.length())
                    && (end == text.length() || !isWord(text.charAt(end)))) {
                return value;
            }
        }
        return null;
    }

    /**
     * The first word of {@code text} from {@code at} (a leading "+" kept, as a phone number's, and hyphens, as an id's
     * such as "C-0001"), lowercased: values told are filed under it, so that a place in a text is tried against the
     * few values that begin with its word.
     */
    private static String start(String text, int at) {
        int end = text.charAt(at) == '+' ? at + 1 : at;
        while (end < text.length() && (isWord(text.charAt(end)) || text.charAt(end) == '-')) {
            end++;
        }
        return text.substring(at, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** A run of base64 characters mixing capitals, small letters and digits, as keys do and words and paths do not. */
    private static boolean looksLikeKey(String run) {
        return run.chars().anyMatch(Character::isUpperCase) && run.chars().anyMatch(Character::isLowerCase)
                && run.chars().anyMatch(Character::isDigit);
    }

    /** Whether the run that ends at {@code end} of {@code text} is followed by a file's extension, as a path is. */
    private static boolean isFileName(String text, int end) {
        return EXTENSION.matcher(text).region(end, text.length()).lookingAt();
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String pseudonym(byte[] salt, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            return "person-" + HexFormat.of().formatHex(sha.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    /** Collects what a redactor replaces. */
    public static final class Builder {

        private final byte[] salt;
        private final Map<String, String> replacements = new LinkedHashMap<>();
        private final java.util.Set<String> credentialForms = new java.util.TreeSet<>();

        private Builder(byte[] salt) {
            this.salt = salt.clone();
        }

        /**
         * Tells of a person: {@code key} (their id) and each of {@code values} (name, phone number, address, national
         * id) are replaced by the person's pseudonym wherever they stand as whole words.
         */
        public Builder person(String key, List<String> values) {
            String pseudonym = pseudonym(salt, key);
            put(key, pseudonym);
            values.forEach(value -> put(value, pseudonym));
            return this;
        }

        /**
         * Tells of a technician's credential id: it is replaced by its holder's pseudonym, and so is any other id of
         * its form found in a text (its letters and punctuation as they are, any digits in place of its digits), as
         * "S-0002" when "S-0001" is told, since the site's other technicians are people too.
         */
        public Builder technician(String id) {
            if (id == null || id.strip().length() < SHORTEST_VALUE) {
                return this;
            }
            String stripped = id.strip();
            person(stripped, List.of());
            if (stripped.chars().anyMatch(Character::isDigit) && stripped.chars().anyMatch(Character::isLetter)) {
                credentialForms.add(form(stripped));
            }
            return this;
        }

        /** The pattern of ids of the form of {@code id}: each run of digits any run of as many digits. */
        private static String form(String id) {
            StringBuilder form = new StringBuilder();
            int i = 0;
            while (i < id.length()) {
                int end = i;
                while (end < id.length() && Character.isDigit(id.charAt(end))) {
                    end++;
                }
                if (end > i) {
                    form.append("[0-9]{").append(end - i).append('}');
                    i = end;
                } else {
                    form.append(Pattern.quote(String.valueOf(id.charAt(i))));
                    i++;
                }
            }
            return form.toString();
        }

        /** Tells of a secret (a PIN, a password, a key): it is replaced by {@link #REMOVED_SECRET}. */
        public Builder secret(String value) {
            put(value, REMOVED_SECRET);
            return this;
        }

        /** Tells of a value to be replaced by {@code replacement}, such as the user's home folder by "~". */
        public Builder replace(String value, String replacement) {
            put(value, replacement);
            return this;
        }

        private void put(String value, String replacement) {
            String stripped = value == null ? "" : value.strip();
            if (stripped.length() >= SHORTEST_VALUE) {
                replacements.putIfAbsent(stripped.toLowerCase(Locale.ROOT), replacement);
            }
        }

        public Redactor build() {
            Pattern forms = credentialForms.isEmpty() ? null : Pattern.compile("(?<![\\w-])(?:"
                    + String.join("|", credentialForms) + ")(?![\\w-])");
            return new Redactor(salt, replacements, forms);
        }
    }
}
