package io.gridside.console.service.firmware;

import io.gridside.link.firmware.FirmwareCheck;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the console finds of a firmware image file before it sends a byte: its manifest, who signed it, each check
 * and whether it passed, and the refusal, if any, with a sentence that tells the technician what to do: the
 * checks of {@link FirmwareCheck}, the same rules the gateway applies, in their order, the first that failed
 * deciding the refusal, except that the version already running decides only when every other check passed.
 *
 * @param manifest the image's manifest, or null when the file holds none that can be read
 * @param signer the fingerprint of the key that signed the manifest, or null when it is unsigned or unreadable
 * @param refusal why the image is refused, or null when it may be sent
 * @param message the refusal's sentence, or for an acceptable image a sentence that says what it is
 */
public record ImageReview(Path file, FirmwareManifest manifest, String signer, List<Check> checks,
        FirmwareRefusal refusal, String message) {

    public ImageReview {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        checks = List.copyOf(checks);
    }

    /**
     * One check of an image.
     *
     * @param name {@code file}, then the names of {@link FirmwareCheck#reviewImage}'s checks
     * @param detail what was found when it passed; the sentence for the technician when it failed
     */
    public record Check(String name, boolean passed, String detail) {

        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Whether the image may be sent. */
    public boolean acceptable() {
        return refusal == null;
    }

    /** The refusal as an exception, for code that stops on it; null for an acceptable image. */
    public FirmwareRefusedException refused() {
        return refusal == null ? null : new FirmwareRefusedException(refusal, message);
    }

    /**
     * Reads and checks the image file {@code file} against {@code keys} and, when it is known, {@code target}:
     * what the gateway runs, or the hardware and oldest image of the site's meters. Without a target, only the
     * signature and the bytes are checked, and the message says so.
     */
    public static ImageReview of(Path file, FirmwareKeys keys, FirmwareCheck.Installed target) {
        try {
            return of(file, FirmwareImage.read(file), keys, target);
        } catch (FirmwareRefusedException e) {
            return new ImageReview(file, null, null, List.of(new Check("file", false, e.getMessage())),
                    e.refusal(), e.getMessage());
        } catch (IOException e) {
            String message = "The image file " + file + " could not be read (" + e.getMessage() + "); check its "
                    + "path, or copy it again.";
            return new ImageReview(file, null, null, List.of(new Check("file", false, message)),
                    FirmwareRefusal.DAMAGED, message);
        }
    }

    /** Checks an image already read from {@code file}. */
    static ImageReview of(Path file, FirmwareImage image, FirmwareKeys keys, FirmwareCheck.Installed target) {
        FirmwareManifest manifest = image.manifest();
        List<FirmwareCheck.Result> results = FirmwareCheck.reviewImage(image, keys, target);
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("file", true, manifest.product().name().toLowerCase(Locale.ROOT) + " image "
                + manifest.version() + ", " + manifest.imageSize() + " bytes in " + manifest.chunkCount()
                + " chunks"));
        results.forEach(result -> checks.add(new Check(result.name(), result.passed(), result.detail())));
        String signer = image.signed().signer();
        // A copy of the running version that fails another check (damaged, badly signed) is refused for that:
        // "runs already" is said only of a file that passes everything else.
        FirmwareCheck.Result decisive = results.stream().filter(result -> !result.passed())
                .min(java.util.Comparator.comparing(result -> result.refusal() == FirmwareRefusal.ALREADY_INSTALLED))
                .orElse(null);
        if (decisive != null) {
            return new ImageReview(file, manifest, signer, checks, decisive.refusal(), decisive.detail());
        }
        return new ImageReview(file, manifest, signer, checks, null, "The image " + manifest.version()
                + " is signed with a trusted key and whole" + (target == null ? "; connect to the gateway to check "
                + "it against what runs there." : ", and fits what runs there; it may be sent."));
    }
}
