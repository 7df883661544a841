package io.gridside.console.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a statement's CSV or page to a file whole or not at all: into a temporary file beside it, then moved
 * over it, so a reader never finds half a statement and an older one is replaced only by a complete new one.
 */
public final class StatementExport {

    /** What an export writes. */
    public enum Format {
        CSV("csv"), PAGE("html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        String text(CustomerStatement statement) {
            return this == CSV ? StatementCsv.of(statement) : StatementPage.of(statement);
        }
    }

    private StatementExport() {
    }

    /**
     * Writes {@code statement} as {@code format} to {@code file}, replacing a file there; returns the file. The
     * folder must exist: an export creates none.
     */
    public static Path write(CustomerStatement statement, Format format, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            Files.writeString(temporary, format.text(statement), StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** A file name that says whose statement of which days it is: {@code site-7-C00001-2026-06-01-2026-06-07.csv}. */
    public static String fileName(CustomerStatement statement, Format format) {
        return safe(statement.site().siteId()) + "-" + safe(statement.customerId()) + "-" + statement.firstDay()
                + "-" + statement.lastDay() + "." + format.extension();
    }

    /** An id as part of a file name: anything but letters, digits, dot, dash and underscore becomes a dash. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
