package io.gridside.sim.firmware;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.firmware.FirmwareManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One firmware image the simulated gateway holds or is receiving, in a directory of its own on the flash: the offer
 * (signed manifest, manifest, when it was offered), the image's bytes at their chunks' offsets, and the log of
 * the chunks held.
 *
 * <p>A chunk is written and forced before its record is appended to the log, and the append is forced before the
 * gateway acknowledges the chunk; a record is eight bytes, the chunk's index and a CRC-32C of it, so a record torn
 * by a power cut is told from a whole one. Opened again, the image holds every chunk whose record is whole and
 * whose bytes still match the manifest's hash: exactly the chunks acknowledged, and any whose acknowledgement the
 * cut lost on the way.
 */
final class StagedImage {

    private static final Logger LOG = LoggerFactory.getLogger(StagedImage.class);
    static final String OFFER = "offer.cbor";
    private static final String IMAGE = "image.bin";
    private static final String HELD = "held.log";
    private static final int RECORD = 8;

    private final Path directory;
    private final ByteString signedManifest;
    private final FirmwareManifest manifest;
    private final Instant offered;
    private final BitSet held;

    private StagedImage(Path directory, ByteString signedManifest, FirmwareManifest manifest, Instant offered,
            BitSet held) {
        this.directory = directory;
        this.signedManifest = signedManifest;
        this.manifest = manifest;
        this.offered = offered;
        this.held = held;
    }

    /** Opens a new image's directory: its files first, the offer last, so an offer on the flash has its files. */
    static StagedImage create(Path directory, ByteString signedManifest, FirmwareManifest manifest,
            Instant offered) {
        FlashFiles.deleteTree(directory);
        FlashFiles.createDirectories(directory);
        try {
            Files.createFile(directory.resolve(IMAGE));
            Files.createFile(directory.resolve(HELD));
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not stage an image in " + directory + ".", e);
        }
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("signedManifest", signedManifest);
        offer.put("manifest", manifest.encode());
        offer.put("offered", offered.toString());
        FlashFiles.replace(directory.resolve(OFFER), DeterministicCbor.encode(offer));
        return new StagedImage(directory, signedManifest, manifest, offered, new BitSet(manifest.chunkCount()));
    }

    /**
     * The image staged in {@code directory} as the flash holds it, or null when its offer is missing or unreadable,
     * as after a power cut while it was opened; the caller then deletes the directory.
     */
    static StagedImage openOrNull(Path directory) {
        byte[] bytes = FlashFiles.readOrNull(directory.resolve(OFFER));
        if (bytes == null) {
            return null;
        }
        try {
            Map<?, ?> offer = (Map<?, ?>) DeterministicCbor.decode(bytes);
            ByteString signed = (ByteString) offer.get("signedManifest");
            FirmwareManifest manifest = FirmwareManifest.decode(((ByteString) offer.get("manifest")).toByteArray());
            Instant offered = Instant.parse((String) offer.get("offered"));
            StagedImage image = new StagedImage(directory, signed, manifest, offered, new BitSet());
            image.recoverHeld();
            return image;
        } catch (ClassCastException | NullPointerException | IllegalArgumentException | DateTimeException e) {
            LOG.warn("The staged firmware in {} is unreadable and is dropped: {}", directory, e.getMessage());
            return null;
        }
    }

    ByteString signedManifest() {
        return signedManifest;
    }

    FirmwareManifest manifest() {
        return manifest;
    }

    ByteString imageSha256() {
        return manifest.imageSha256();
    }

    Instant offered() {
        return offered;
    }

    Path directory() {
        return directory;
    }

    /** Where the image's bytes are, each chunk at its offset. */
    Path imageFile() {
        return directory.resolve(IMAGE);
    }

    boolean holds(int index) {
        return held.get(index);
    }

    int heldCount() {
        return held.cardinality();
    }

    boolean complete() {
        return heldCount() == manifest.chunkCount();
    }

    /** The chunks held as the offer's answer carries them: bit {@code i % 8} of byte {@code i / 8} for chunk i. */
    ByteString heldBits() {
        byte[] bits = new byte[(manifest.chunkCount() + 7) / 8];
        byte[] set = held.toByteArray();
        System.arraycopy(set, 0, bits, 0, Math.min(set.length, bits.length));
        return ByteString.of(bits);
    }

    /** Keeps chunk {@code index}, already checked against its hash: written and forced, then recorded and forced. */
    void keep(int index, byte[] data) {
        FlashFiles.writeAt(imageFile(), (long) index * manifest.chunkSize(), data);
        try (FileChannel log = FileChannel.open(directory.resolve(HELD), StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer record = record(index);
            while (record.hasRemaining()) {
                log.write(record);
            }
            log.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not record a chunk in " + directory + ".", e);
        }
        held.set(index);
    }

    /** Whether the image's bytes, all held, match the manifest's SHA-256 of the whole. */
    boolean wholeMatches() {
        return Arrays.equals(FlashFiles.sha256(imageFile(), manifest.imageSize()),
                manifest.imageSha256().toByteArray());
    }

    void delete() {
        // The offer goes first: a directory without one is an unfinished image, dropped when the gateway starts.
        FlashFiles.delete(directory.resolve(OFFER));
        FlashFiles.deleteTree(directory);
    }

    /** Reads the log's whole records, keeps those whose chunk still matches its hash, and rewrites the log. */
    private void recoverHeld() {
        byte[] log = FlashFiles.readOrNull(directory.resolve(HELD));
        int records = log == null ? 0 : log.length / RECORD;
        boolean clean = log != null && log.length % RECORD == 0;
        ByteBuffer buffer = log == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(log);
        for (int record = 0; record < records; record++) {
            int index = buffer.getInt();
            int check = buffer.getInt();
            if (check != crc(index) || index < 0 || index >= manifest.chunkCount()) {
                clean = false;
                break;
            }
            if (chunkMatches(index)) {
                held.set(index);
            } else {
                LOG.warn("Chunk {} of the staged firmware {} no longer matches its hash and is wanted again.", index,
                        manifest.version());
                clean = false;
            }
        }
        if (!clean) {
            rewriteLog();
        }
    }

    private boolean chunkMatches(int index) {
        byte[] chunk = FlashFiles.readAt(imageFile(), (long) index * manifest.chunkSize(),
                manifest.chunkLength(index));
        return Arrays.equals(FlashFiles.sha256(chunk), manifest.chunkSha256().get(index).toByteArray());
    }

    private void rewriteLog() {
        ByteBuffer log = ByteBuffer.allocate(heldCount() * RECORD);
        held.stream().forEach(index -> log.put(record(index)));
        FlashFiles.replace(directory.resolve(HELD), log.array());
    }

    private static ByteBuffer record(int index) {
        return ByteBuffer.allocate(RECORD).putInt(index).putInt(crc(index)).flip();
    }

    private static int crc(int index) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(index).flip());
        return (int) crc.getValue();
    }
}
