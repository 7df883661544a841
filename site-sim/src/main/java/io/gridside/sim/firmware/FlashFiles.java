package io.gridside.sim.firmware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;

/**
 * The few ways the simulated gateway's firmware reads and writes its flash beyond a chunk's own file: a small file
 * replaced whole and atomically, so that a gateway killed at any instant finds either the old file or the new one,
 * bytes read at an offset, hashes, and directories made and deleted.
 */
final class FlashFiles {

    private static final int COPY_BUFFER = 64 * 1024;

    private FlashFiles() {
    }

    /** Replaces {@code file} with {@code bytes}: written beside it, forced, moved over it, and the move forced. */
    static void replace(Path file, byte[] bytes) {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                writeFully(channel, ByteBuffer.wrap(bytes), 0);
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not write " + file + " on its flash.", e);
        }
    }

    /** The bytes of {@code file}, or null when there is no such file. */
    static byte[] readOrNull(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not read " + file + " on its flash.", e);
        }
    }

    /** Reads {@code length} bytes of {@code file} from {@code offset}. */
    static byte[] readAt(Path file, long offset, int length) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    break;
                }
            }
            return buffer.array();
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not read " + file + " on its flash.", e);
        }
    }

    /** The SHA-256 of the first {@code length} bytes of {@code file}; bytes past its end count as absent. */
    static byte[] sha256(Path file, long length) {
        MessageDigest digest = sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER);
            long left = length;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                digest.update(buffer.array(), 0, read);
                left -= read;
            }
            return digest.digest();
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not read " + file + " on its flash.", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not make " + directory + " on its flash.", e);
        }
    }

    /** Deletes {@code path} and all it holds, if it is there. */
    static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not delete " + path + " on its flash.", e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not delete " + file + " on its flash.", e);
        }
    }

    /** Forces a directory's entries, so that a file created or moved in it is there after a power cut. */
    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer, offset + buffer.position());
        }
    }
}
