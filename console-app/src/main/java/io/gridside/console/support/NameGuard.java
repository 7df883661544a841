package io.gridside.console.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guard a log passes when the redaction was not told of everyone: a site database, or a part of one, could not
 * be read, so names and addresses of its people may stand in the log unknown. It removes what is written as names
 * and addresses are, runs of capitalised words ("Amani Mwembe", "Plot 17 Mwembe Road"), from each line's message,
 * and keeps the rest: the time, level, thread and logger, the first word of the message, the ids (M-1, GW-1), the
 * figures and the code's own words, which the console writes in lower case after the first.
 */
final class NameGuard {

    /**
     * A capitalised word standing alone: not part of a dotted class name or a file's name, an id joined by a hyphen
     * or digits, or a short all-capitals code (TZS, RF, ETX).
     */
    private static final String WORD = "(?<![\\p{L}\\p{N}_.\\-/\\\\@])(?!\\p{Lu}{1,3}(?![\\p{L}'’]))"
            + "\\p{Lu}[\\p{L}'’]*(?![\\p{L}\\p{N}_\\-/\\\\@]|\\.[\\p{L}\\p{N}])";
    /** Capitalised words in a row, with house numbers between them, as in a name or an address. */
    private static final Pattern NAME = Pattern.compile(WORD + "(?:[ \\t]+(?:\\p{N}+[ \\t]+)?" + WORD + ")*");
    /** Where a line of the console's log begins its message, after the logger: "... [thread] logger - ". */
    private static final String MESSAGE_START = " - ";

    private NameGuard() {
    }

    /** {@code log} with every run of capitalised words after the first word of each line's message removed. */
    static String removeNames(String log) {
        String[] lines = log.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = guardLine(lines[i]);
        }
        return String.join("\n", lines);
    }

    // KNOWN SHORTCOMING: a name written in lower case, or one that stands first in a log message, passes: nothing
    // in a line tells it from the console's own words once the site database that holds the name cannot be read.
    private static String guardLine(String line) {
        int header = line.indexOf(MESSAGE_START);
        int message = header < 0 ? 0 : header + MESSAGE_START.length();
        Matcher names = NAME.matcher(line);
        names.region(message, line.length());
        StringBuilder out = new StringBuilder(line.length());
        int kept = 0;
        while (names.find()) {
            boolean firstWord = names.start() == message;
            int end = firstWord ? firstWordEnd(line, message) : names.end();
            out.append(line, kept, names.start());
            out.append(firstWord ? line.substring(names.start(), end) : Redactor.REMOVED_NAME);
            kept = end;
            if (firstWord && end < names.end()) {
                names.region(end, line.length());
            }
        }
        out.append(line, kept, line.length());
        return out.toString();
    }

    private static int firstWordEnd(String line, int from) {
        int end = from;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return end;
    }
}
