package io.gridside.console.service.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * This laptop's stable id, which every sync request carries so that the cloud can refuse a laptop reported lost:
 * a random UUID kept in the file {@value #FILE} of the console's data folder, made at the first sync.
 */
public final class LaptopId {

    /** The file, in the data folder, that holds the id. */
    public static final String FILE = "laptop-id";

    private LaptopId() {
    }

    /**
     * The id kept in {@code dataDir}, made and written there first if there is none.
     *
     * @throws IOException when the folder cannot be written or the file holds no UUID
     */
    public static String in(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            make(dataDir, file);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw new IOException("The laptop id file " + file + " holds no id; delete it and sync again, and tell "
                    + "the operator that this laptop's id changed.", e);
        }
    }

    /**
     * Writes a new id beside {@code file} and links it into place, which fails if the file exists: a reader never
     * sees the file before it is whole, and two consoles making it at once keep the first one's id.
     */
    private static void make(Path dataDir, Path file) throws IOException {
        Files.createDirectories(dataDir);
        Path written = Files.createTempFile(dataDir, FILE, ".new");
        try {
            Files.writeString(written, UUID.randomUUID() + "\n", StandardCharsets.UTF_8, StandardOpenOption.SYNC);
            try {
                Files.createLink(file, written);
            } catch (UnsupportedOperationException e) {
                Files.move(written, file);
            }
        } catch (FileAlreadyExistsException e) {
            // Another console made it meanwhile: its id is this laptop's.
        } finally {
            Files.deleteIfExists(written);
        }
    }
}
