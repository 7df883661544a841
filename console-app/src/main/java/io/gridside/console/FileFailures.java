package io.gridside.console;

import java.io.FileNotFoundException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Optional;

/**
 * A file the JDK could not find, open or read as text, in a sentence of the console's that names the file and the
 * kind of failure: not found, no permission, not readable, not text.
 *
 * <p>The JDK's own words are a bare path ({@link NoSuchFileException}) or the system's English after it
 * ({@link FileNotFoundException}: {@code /media/usb/a.csv (Permission denied)}); they stay in the exception, which
 * the task that met it logs, for support.
 */
final class FileFailures {

    /** Where the sentences are among the console's texts: {@code file.failure.KIND}. */
    private static final String KEY = "file.failure.";

    private FileFailures() {
    }

    /** {@code failure} in the language in use when it is the JDK's failure to use a file; else empty. */
    static Optional<String> words(Throwable failure) {
        if (failure instanceof NoSuchFileException missing) {
            return Optional.of(I18n.text(KEY + "notFound", name(missing)));
        }
        if (failure instanceof AccessDeniedException denied) {
            return Optional.of(I18n.text(KEY + "noPermission", name(denied)));
        }
        if (failure instanceof FileSystemException other) {
            return Optional.of(I18n.text(KEY + "unreadable", name(other)));
        }
        if (failure instanceof FileNotFoundException notOpened) {
            return Optional.of(notOpened(notOpened.getMessage()));
        }
        if (failure instanceof CharacterCodingException) {
            return Optional.of(I18n.text(KEY + "notText"));
        }
        return Optional.empty();
    }

    private static String name(FileSystemException failure) {
        return failure.getFile() == null ? "" : failure.getFile();
    }

    /**
     * A file {@code java.io} could not open, from its message: the path, then the system's reason in brackets, as
     * Linux, macOS and Windows word it; a reason of another wording counts as not readable.
     */
    private static String notOpened(String message) {
        String text = message == null ? "" : message;
        int bracket = text.lastIndexOf(" (");
        String file = bracket < 0 ? text : text.substring(0, bracket);
        String reason = bracket < 0 ? "" : text.substring(bracket).toLowerCase(Locale.ROOT);
        String kind;
        if (reason.contains("no such file") || reason.contains("cannot find")) {
            kind = "notFound";
        } else if (reason.contains("permission denied") || reason.contains("access is denied")) {
            kind = "noPermission";
        } else {
            kind = "unreadable";
        }
        return I18n.text(KEY + kind, file);
    }
}
