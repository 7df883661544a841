package io.gridside.console.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a diagnostics bundle could not read while it was written: the parts it passed over, the site databases that
 * are damaged, and whether the people of every site were told to the redaction. The technician is warned of each
 * database the bundle could not read; the manifest names every part passed over.
 */
final class BundleFindings {

    /** What a bundle passed over, as its manifest names it: no value of the row, only where it is. */
    record PassedOver(String what, String key, String problem) {
    }

    /** The code SQLite gives a failure in its message, such as "[SQLITE_CORRUPT] The database disk image ...". */
    private static final Pattern SQLITE_CODE = Pattern.compile("\\[(SQLITE_[A-Z_]+)]");

    private final List<PassedOver> passedOver = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private boolean peopleUnknown;

    /**
     * A site database that could not be read through: its people are not known to the redaction, the technician is
     * warned, and the manifest names it.
     *
     * @return one line saying which file could not be read and why: its name, size and SQLite's code
     */
    String unreadable(Path database, RuntimeException failure) {
        String code = code(failure);
        String line = "The site database " + database.getFileName() + " (" + size(database) + ") could not be read: "
                + code + ".";
        peopleUnknown = true;
        passedOver.add(new PassedOver("the site database " + database.getFileName(), null, "unreadable (" + code
                + ")"));
        warnings.add(line + " The bundle holds everything else; names in its logs are removed.");
        return line;
    }

    /** A kind of the site's people that could not be read: the rest of the site still goes in. */
    void peopleUnread(String part, RuntimeException failure) {
        peopleUnknown = true;
        passedOver.add(new PassedOver(part, null, "unreadable (" + code(failure) + ")"));
        warnings.add("The bundle could not read " + part + " (" + code(failure) + "); names in its logs are removed.");
    }

    void passOver(String what, String key, String problem) {
        passedOver.add(new PassedOver(what, key, problem));
    }

    List<PassedOver> passedOver() {
        return List.copyOf(passedOver);
    }

    /** What the technician is told beside the bundle, one sentence each; empty when all was read. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Whether some person of a site may stand in the logs unknown to the redaction. */
    boolean peopleUnknown() {
        return peopleUnknown;
    }

    /** Whether {@code failure} is SQLite's finding that a database file is damaged, not a row's odd value. */
    static boolean isDamage(RuntimeException failure) {
        String code = code(failure);
        return code.startsWith("SQLITE_CORRUPT") || code.startsWith("SQLITE_NOTADB");
    }

    /** SQLite's code for {@code failure} when SQLite gave one, or else the kind of failure. */
    static String code(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher code = SQLITE_CODE.matcher(String.valueOf(cause.getMessage()));
            if (code.find()) {
                return code.group(1);
            }
            if (cause instanceof SQLException sql) {
                return "SQLite error " + sql.getErrorCode();
            }
        }
        return failure.getClass().getSimpleName();
    }

    private static String size(Path file) {
        try {
            return Files.size(file) + " bytes";
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
