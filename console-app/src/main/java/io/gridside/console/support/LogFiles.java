package io.gridside.console.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The rolling log's files, as a diagnostics bundle takes them: the newest first, up to a size, compressed or not. */
final class LogFiles {

    /** A log file's name (without ".gz") and its text. */
    record LogFile(String name, String text) {
    }

    private LogFiles() {
    }

    /**
     * The log files of {@code folder}, newest first, as long as their text stays within {@code mostBytes}; a file
     * that rolled compressed is read uncompressed, so that the redaction reads it too. No folder, no files.
     */
    static List<LogFile> newestFirst(Path folder, long mostBytes) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(Files::isRegularFile).filter(LogFiles::isLog)
                    .sorted(Comparator.comparing(LogFiles::modified).reversed()).toList();
        }
        List<LogFile> logs = new ArrayList<>();
        long taken = 0;
        for (Path file : files) {
            byte[] bytes = read(file);
            if (taken + bytes.length > mostBytes && !logs.isEmpty()) {
                break;
            }
            taken += bytes.length;
            String name = file.getFileName().toString().replaceFirst("\\.gz$", "");
            logs.add(new LogFile(name, new String(bytes, StandardCharsets.UTF_8)));
        }
        return logs;
    }

    private static boolean isLog(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".log") || name.endsWith(".log.gz");
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static byte[] read(Path file) throws IOException {
        if (!file.getFileName().toString().endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
