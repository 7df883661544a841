package io.gridside.link.firmware;

import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A firmware image file: the image's bytes behind its signed manifest. Reading one checks its layout and that
 * its length is the manifest's; whether the bytes match the manifest's hashes and whether the signer is trusted
 * is {@link FirmwareCheck}'s part, so that a technician can be shown what a damaged image claims to be.
 *
 * <pre>
 * offset    length  field
 * 0         8       magic: 89 47 53 46 57 0d 0a 1a ("\x89GSFW\r\n\x1a")
 * 8         1       format: 1
 * 9         4       n, the signed manifest's length, unsigned big-endian
 * 13        n       the signed manifest ({@link SignedManifest#encode}), deterministic CBOR
 * 13 + n    size    the image: exactly the manifest's imageSize bytes, to the end of the file
 * </pre>
 *
 * <p>The magic's first byte is not ASCII and its end holds CR, LF and Ctrl-Z, so a file mangled by a text-mode
 * copy is told from a good one at once. Immutable: every getter of bytes returns a copy.
 */
public final class FirmwareImage {

    /** The first bytes of every image file. */
    public static final ByteString MAGIC = ByteString.fromHex("89475346570d0a1a");
    public static final int FORMAT = 1;
    /** The bytes before the signed manifest: magic, format and the manifest's length. */
    public static final int HEADER = 13;
    /** The longest signed manifest a file may hold: enough for the largest image in the smallest chunks. */
    public static final int MAX_SIGNED_MANIFEST = 8 * 1024 * 1024;

    private final SignedManifest signed;
    private final byte[] signedBytes;
    private final byte[] image;

    private FirmwareImage(SignedManifest signed, byte[] image) {
        this.signed = signed;
        this.signedBytes = signed.encode();
        this.image = image;
    }

    /**
     * An image of {@code image}'s bytes behind {@code signed}, as it stands: nothing is checked, so that tests and
     * tools can make images that a check must refuse.
     */
    public static FirmwareImage of(SignedManifest signed, byte[] image) {
        return new FirmwareImage(Objects.requireNonNull(signed, "signed"), image.clone());
    }

    /**
     * Makes and signs an image: its manifest describes {@code image} in chunks of {@code chunkSize}.
     *
     * @throws IllegalArgumentException when a manifest field breaks its rule, with a sentence that names it
     */
    public static FirmwareImage build(FirmwareProduct product, List<String> hardwareIds, String version,
            long securityCounter, int chunkSize, String releaseNotes, Instant built, byte[] image, SigningKey key) {
        if (chunkSize < FirmwareManifest.MIN_CHUNK || Integer.bitCount(chunkSize) != 1) {
            throw new IllegalArgumentException("the chunk size is a power of two from 512 to 65536, not "
                    + chunkSize);
        }
        List<ByteString> chunks = new ArrayList<>();
        for (int start = 0; start < image.length; start += chunkSize) {
            chunks.add(Sha256.of(image, start, Math.min(chunkSize, image.length - start)));
        }
        FirmwareManifest manifest = new FirmwareManifest(product, hardwareIds, version, securityCounter,
                image.length, Sha256.of(image, 0, image.length), chunkSize, chunks, releaseNotes, built);
        return new FirmwareImage(SignedManifest.sign(manifest, key), image.clone());
    }

    /**
     * Reads an image file.
     *
     * @throws FirmwareRefusedException with {@code UNSIGNED} for a raw binary or a manifest with no signature, and
     *     with {@code DAMAGED} for a cut file, a manifest that does not read, or image bytes of another length
     */
    public static FirmwareImage read(Path file) throws IOException, FirmwareRefusedException {
        try (InputStream in = Files.newInputStream(file)) {
            requireMagic(in.readNBytes(MAGIC.size()));
        }
        long size = Files.size(file);
        if (size > HEADER + MAX_SIGNED_MANIFEST + FirmwareManifest.MAX_IMAGE) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The file " + file.getFileName() + " is "
                    + size + " bytes, longer than any firmware image; check that you chose the right file.");
        }
        return parse(Files.readAllBytes(file));
    }

    /**
     * Reads an image file's bytes; see {@link #read}.
     *
     * @throws FirmwareRefusedException as {@link #read} does
     */
    public static FirmwareImage parse(byte[] file) throws FirmwareRefusedException {
        requireMagic(file);
        if (file.length < HEADER) {
            throw cut("its header");
        }
        ByteBuffer header = ByteBuffer.wrap(file, MAGIC.size(), HEADER - MAGIC.size());
        int format = Byte.toUnsignedInt(header.get());
        if (format != FORMAT) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The image file is of format " + format
                    + ", which this console does not read; copy it again from its source, or update Gridside.");
        }
        long length = Integer.toUnsignedLong(header.getInt());
        if (length > MAX_SIGNED_MANIFEST || length > file.length - HEADER) {
            throw cut("its signed manifest");
        }
        int imageStart = HEADER + (int) length;
        SignedManifest signed = SignedManifest.decode(Arrays.copyOfRange(file, HEADER, imageStart));
        long imageSize = signed.manifest().imageSize();
        long held = file.length - (long) imageStart;
        if (held < imageSize) {
            throw cut("the image: it holds " + held + " of the manifest's " + imageSize + " bytes");
        }
        if (held > imageSize) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The image file holds " + (held - imageSize)
                    + " bytes more than its manifest's " + imageSize + "; copy it again from its source.");
        }
        return new FirmwareImage(signed, Arrays.copyOfRange(file, imageStart, file.length));
    }

    /** A raw binary is unsigned; the start of the magic alone is a file cut short. */
    private static void requireMagic(byte[] file) throws FirmwareRefusedException {
        byte[] magic = MAGIC.toByteArray();
        int compared = Math.min(file.length, magic.length);
        if (!Arrays.equals(file, 0, compared, magic, 0, compared)) {
            throw new FirmwareRefusedException(FirmwareRefusal.UNSIGNED, "The file is a raw binary with no signed "
                    + "manifest, so nothing says what it is or who made it. Ask its maker for the signed image.");
        }
        if (file.length < magic.length) {
            throw cut("its header");
        }
    }

    private static FirmwareRefusedException cut(String where) {
        return new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The image file is cut short in " + where
                + "; copy it again from its source.");
    }

    /** The file's bytes: header, signed manifest and image. */
    public byte[] fileBytes() {
        ByteBuffer file = ByteBuffer.allocate(HEADER + signedBytes.length + image.length);
        file.put(MAGIC.toByteArray()).put((byte) FORMAT).putInt(signedBytes.length);
        return file.put(signedBytes).put(image).array();
    }

    /** Writes the file through a temporary file beside it, so a crash never leaves half an image. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, fileBytes());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public SignedManifest signed() {
        return signed;
    }

    public FirmwareManifest manifest() {
        return signed.manifest();
    }

    /** The signed manifest as the file and an offer carry it. */
    public ByteString signedManifestBytes() {
        return ByteString.of(signedBytes);
    }

    /** The image's chunk {@code index}, as the manifest cuts it. */
    public byte[] chunk(int index) {
        FirmwareManifest manifest = manifest();
        Objects.checkIndex(index, manifest.chunkCount());
        int start = index * manifest.chunkSize();
        return Arrays.copyOfRange(image, Math.min(start, image.length),
                Math.min(start + manifest.chunkLength(index), image.length));
    }

    /**
     * The image's chunk {@code index} as a view of the image's bytes, which never change: what an upload sends,
     * without a copy of the chunk.
     */
    public ByteString chunkBytes(int index) {
        FirmwareManifest manifest = manifest();
        Objects.checkIndex(index, manifest.chunkCount());
        int start = Math.min(index * manifest.chunkSize(), image.length);
        return ByteString.adopt(image, start, Math.min(manifest.chunkLength(index), image.length - start));
    }

    /** The image's bytes: what a device installs. */
    public byte[] bytes() {
        return image.clone();
    }

    /** The image's length in bytes. */
    public int size() {
        return image.length;
    }

    /** The SHA-256 of the image's bytes as they are, which a damaged image's manifest does not state. */
    public ByteString sha256() {
        return Sha256.of(image, 0, image.length);
    }

    @Override
    public String toString() {
        return "FirmwareImage[" + manifest().version() + ", " + image.length + " bytes, "
                + HexFormat.of().formatHex(manifest().imageSha256().toByteArray(), 0, 4) + "...]";
    }
}
