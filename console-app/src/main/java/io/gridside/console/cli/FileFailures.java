package io.gridside.console.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * A file the command could not read or write, in one line that names the file and what the system said: a foreseen
 * failure with its own code, never taken for an error the console did not foresee.
 */
final class FileFailures {

    /** The code of a file that could not be read or written: the command failed, and the file is what to look at. */
    static final String FILE_ERROR = "FILE_ERROR";

    private FileFailures() {
    }

    /**
     * The line for a failure of input or output, or null when {@code e} is none: a checked one as the system raised
     * it, named by {@link #line(IOException)}; an unchecked one keeps the sentence the console wrote for it.
     */
    static String lineOrNull(Throwable e) {
        if (e instanceof IOException io) {
            return line(io);
        }
        if (e instanceof UncheckedIOException unchecked && unchecked.getMessage() != null) {
            String message = unchecked.getMessage().strip();
            return message + (message.endsWith(".") ? "" : ".") + " [" + FILE_ERROR + "]";
        }
        return null;
    }

    /** The line for {@code e}, with the file when the system named one. */
    static String line(IOException e) {
        String file = e instanceof FileSystemException failure ? failure.getFile() : null;
        String what = file != null ? "The file " + file + " could not be used: " : "A file could not be used: ";
        return what + reason(e) + ". Check the path and that you may read or write there. [" + FILE_ERROR + "]";
    }

    /** What the system said went wrong, in words, without the file's name that a message may repeat. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason().toLowerCase(Locale.ROOT);
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is there, not a folder, or the file exists already";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException) {
            return "the file system refused it";
        }
        return e.getMessage() != null ? e.getMessage().strip() : e.getClass().getSimpleName();
    }
}
