package io.gridside.sim.firmware;

import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The firmware images the simulated gateway holds or is receiving, each in a directory named by its SHA-256 under
 * {@code staged/}. The flash holds few: one gateway image (a new one replaces an older one) and
 * {@value #METER_IMAGES} meter images (a new one replaces the one offered longest ago, unless a campaign uses it).
 */
final class ImageStaging {

    static final int METER_IMAGES = 2;

    private final Path directory;
    private final Map<ByteString, StagedImage> images = new LinkedHashMap<>();
    /** Images that must not be replaced, such as the one a running meter campaign rolls out. */
    private Predicate<ByteString> inUse = sha -> false;

    /** The images the flash holds under {@code parent}; an image left half opened by a power cut is dropped. */
    ImageStaging(Path parent) {
        this.directory = parent.resolve("staged");
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> found = entries.filter(Files::isDirectory).sorted().toList();
            List<StagedImage> opened = new ArrayList<>();
            for (Path each : found) {
                StagedImage image = StagedImage.openOrNull(each);
                if (image == null) {
                    FlashFiles.deleteTree(each);
                } else {
                    opened.add(image);
                }
            }
            opened.sort(Comparator.comparingLong(StagedImage::sequence));
            opened.forEach(image -> images.put(image.imageSha256(), image));
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway could not read its staged firmware in " + directory + ".", e);
        }
    }

    void protect(Predicate<ByteString> inUse) {
        this.inUse = inUse;
    }

    /** The image of that SHA-256, or null when it holds none. */
    StagedImage find(ByteString imageSha256) {
        return images.get(imageSha256);
    }

    /**
     * The image a checked offer names: the one held already, or a new one, which replaces an older image of its
     * kind when the flash holds as many as it keeps.
     */
    StagedImage offered(ByteString signedManifest, FirmwareManifest manifest, Instant at) {
        StagedImage held = images.get(manifest.imageSha256());
        if (held != null) {
            return held;
        }
        makeRoomFor(manifest.product());
        long sequence = images.values().stream().mapToLong(StagedImage::sequence).max().orElse(0) + 1;
        StagedImage image = StagedImage.create(directory.resolve(manifest.imageSha256().hex()), signedManifest,
                manifest, at, sequence);
        images.put(image.imageSha256(), image);
        return image;
    }

    /**
     * The image held whole of that SHA-256. The first time, its bytes are read back and hashed whole: the chunks
     * were each checked on arrival, and this is where the manifest's hash of the whole is held to them.
     *
     * @throws FirmwareRefusedException with {@code DAMAGED} when it is not held, or not whole, or when the whole
     *     does not match the manifest's SHA-256 (the image is then dropped)
     */
    StagedImage whole(ByteString imageSha256) throws FirmwareRefusedException {
        StagedImage image = images.get(imageSha256);
        if (image == null) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The gateway holds no image with SHA-256 "
                    + imageSha256.hex() + ". Push the image to the gateway first.");
        }
        if (!image.complete()) {
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The gateway holds " + image.heldCount()
                    + " of the " + image.manifest().chunkCount() + " chunks of " + image.manifest().version()
                    + ". Push the image again; the transfer resumes where it stopped.");
        }
        if (!image.wholeMatches()) {
            drop(image);
            throw new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "Every chunk of " + image.manifest().version()
                    + " matched its hash, but the whole image does not match its manifest's SHA-256: the image"
                    + " was built wrong, and the gateway dropped it. Ask its maker for a new one.");
        }
        return image;
    }

    void drop(StagedImage image) {
        images.remove(image.imageSha256());
        image.delete();
    }

    /** What it holds, first offered first, as the gateway's state tells it. */
    List<FirmwareState.Staged> list() {
        return images.values().stream().map(image -> new FirmwareState.Staged(image.manifest().product(),
                image.manifest().version(), image.imageSha256(), image.manifest().chunkCount(), image.heldCount()))
                .toList();
    }

    private void makeRoomFor(FirmwareProduct product) {
        int keep = product == FirmwareProduct.GATEWAY ? 1 : METER_IMAGES;
        List<StagedImage> same = images.values().stream()
                .filter(image -> image.manifest().product() == product && !inUse.test(image.imageSha256()))
                .toList();
        for (int i = 0; i <= same.size() - keep; i++) {
            drop(same.get(i));
        }
    }
}
