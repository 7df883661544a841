package io.gridside.sim.firmware;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.firmware.FirmwareManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * (signed manifest, manifest, when it was offered, in what order), and one file with the image's bytes at their
 * chunks' offsets followed by the records of the chunks held.
 *
 * <p>A chunk is kept by writing its bytes, then appending its record, then forcing the file, all before the gateway
 * acknowledges it. Chunks that arrived together share one force, as the flash's write cycle is what limits a
 * transfer. A record is eight
 * bytes, the chunk's index and a CRC-32C of it, so a record torn by a power cut is told from a whole one. Because
 * one force carries both, a cut during it may leave a record whose bytes never reached the flash; so a gateway
 * started again holds every chunk whose record is whole and whose bytes match the manifest's hash, and nothing
 * else: every chunk it acknowledged, and any whose acknowledgement the cut lost on the way.
 */
final class StagedImage {

    private static final Logger LOG = LoggerFactory.getLogger(StagedImage.class);
    static final String OFFER = "offer.cbor";
    private static final String IMAGE = "image.bin";
    private static final int RECORD = 8;

    private final Path directory;
    private final ByteString signedManifest;
    private final FirmwareManifest manifest;
    /** The offer's place among the gateway's offers: the flash replaces the image offered first. */
    private final long sequence;
    private final BitSet held;
    /** How many records follow the image's bytes in its file: where the next one goes. */
    private int records;
    /**
     * Whether the image's bytes, all held, were read back and found to match the manifest's SHA-256 of the whole.
     * Each chunk was checked against its own hash on arrival, and the signed manifest binds those hashes, so the
     * whole is read back once, when the image is first used, and not hashed a second time on arrival.
     */
    private boolean wholeChecked;
    /** The image's file, open for writing while chunks arrive; null until the first chunk and once dropped. */
    private FileChannel file;

    private StagedImage(Path directory, ByteString signedManifest, FirmwareManifest manifest, long sequence) {
        this.directory = directory;
        this.signedManifest = signedManifest;
        this.manifest = manifest;
        this.sequence = sequence;
        this.held = new BitSet(manifest.chunkCount());
    }

    /** Opens a new image's directory: its files first, the offer last, so an offer on the flash has its files. */
    static StagedImage create(Path directory, ByteString signedManifest, FirmwareManifest manifest,
            Instant offered, long sequence) {
        FlashFiles.deleteTree(directory);
        FlashFiles.createDirectories(directory);
        try {
            Files.createFile(directory.resolve(IMAGE));
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not stage an image in " + directory + ".", e);
        }
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("signedManifest", signedManifest);
        offer.put("manifest", manifest.encode());
        offer.put("offered", offered.toString());
        offer.put("sequence", sequence);
        FlashFiles.replace(directory.resolve(OFFER), DeterministicCbor.encode(offer));
        return new StagedImage(directory, signedManifest, manifest, sequence);
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
            long sequence = ((Number) offer.get("sequence")).longValue();
            StagedImage image = new StagedImage(directory, signed, manifest, sequence);
            image.recoverHeld();
            return image;
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
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

    long sequence() {
        return sequence;
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

    /**
     * Keeps chunk {@code index}, already checked against its hash: its bytes, then its record. Neither is on the
     * flash before {@link #force()}.
     */
    void keep(int index, ByteString data) {
        try {
            FileChannel open = writable();
            write(open, data.asReadOnlyBuffer(), (long) index * manifest.chunkSize());
            write(open, record(index), recordsStart() + (long) records * RECORD);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not keep a chunk in " + directory + ".", e);
        }
        records++;
        held.set(index);
    }

    /** The image's file, opened once for the chunks of a transfer rather than once for each chunk. */
    private synchronized FileChannel writable() throws IOException {
        if (file == null || !file.isOpen()) {
            file = FileChannel.open(imageFile(), StandardOpenOption.WRITE);
        }
        return file;
    }

    /**
     * Forces the chunks kept so far to the flash: one forced write for however many were kept since the last. An
     * image dropped meanwhile (a newer one replaced it) has nothing left to force.
     */
    void force() {
        if (!Files.exists(imageFile())) {
            return;
        }
        try {
            writable().force(false);
        } catch (ClosedChannelException e) {
            LOG.debug("The staged firmware in {} was dropped while its chunks were forced.", directory);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not force its chunks in " + directory + ".", e);
        }
    }

    /**
     * Whether the image's bytes, all held, match the manifest's SHA-256 of the whole: read back from the flash the
     * first time it is asked, and remembered once they matched.
     */
    boolean wholeMatches() {
        if (!wholeChecked) {
            byte[] whole = FlashFiles.sha256(imageFile(), manifest.imageSize());
            wholeChecked = Arrays.equals(whole, manifest.imageSha256().toByteArray());
        }
        return wholeChecked;
    }

    void delete() {
        closeFile();
        // The offer goes first: a directory without one is an unfinished image, dropped when the gateway starts.
        FlashFiles.delete(directory.resolve(OFFER));
        FlashFiles.deleteTree(directory);
    }

    private synchronized void closeFile() {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            LOG.debug("Closing the staged firmware in {} failed.", directory, e);
        }
        file = null;
    }

    /**
     * Reads the whole records after the image's bytes, keeps those whose chunk matches its hash, and writes them
     * back, so a torn record or a chunk whose bytes never reached the flash is wanted again. A cut during the
     * rewrite leaves old and new records, each still checked against its chunk the next time.
     */
    private void recoverHeld() {
        long length = size(imageFile());
        int found = (int) Math.max(0, (length - recordsStart()) / RECORD);
        ByteBuffer log = ByteBuffer.wrap(FlashFiles.readAt(imageFile(), recordsStart(), found * RECORD));
        for (int record = 0; record < found; record++) {
            int index = log.getInt();
            int check = log.getInt();
            if (check == crc(index) && index >= 0 && index < manifest.chunkCount() && !held.get(index)) {
                if (chunkMatches(index)) {
                    held.set(index);
                } else {
                    LOG.warn("Chunk {} of the staged firmware {} does not match its hash on the flash and is wanted"
                            + " again.", index, manifest.version());
                }
            }
        }
        records = heldCount();
        if (length > recordsStart() && length != recordsStart() + (long) records * RECORD) {
            rewriteRecords();
        }
    }

    private boolean chunkMatches(int index) {
        byte[] chunk = FlashFiles.readAt(imageFile(), (long) index * manifest.chunkSize(),
                manifest.chunkLength(index));
        return Arrays.equals(FlashFiles.sha256(chunk), manifest.chunkSha256().get(index).toByteArray());
    }

    private void rewriteRecords() {
        ByteBuffer log = ByteBuffer.allocate(records * RECORD);
        held.stream().forEach(index -> log.put(record(index)));
        try (FileChannel file = FileChannel.open(imageFile(), StandardOpenOption.WRITE)) {
            write(file, log.flip(), recordsStart());
            file.truncate(recordsStart() + (long) records * RECORD);
            file.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not rewrite the chunks held in " + directory + ".", e);
        }
    }

    /** Where the records begin in the image's file: right after the image's bytes. */
    private long recordsStart() {
        return manifest.imageSize();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not read " + file + " on its flash.", e);
        }
    }

    private static void write(FileChannel file, ByteBuffer bytes, long offset) throws IOException {
        while (bytes.hasRemaining()) {
            file.write(bytes, offset + bytes.position());
        }
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
