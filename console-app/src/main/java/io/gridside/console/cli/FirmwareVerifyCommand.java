package io.gridside.console.cli;

import io.gridside.console.service.AppDirs;
import io.gridside.link.firmware.FirmwareCheck;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridside firmware verify}: what an image file says and each check it passes or fails, as a console makes
 * them before it sends a byte. What runs on a gateway is not known here, so hardware and version are only shown;
 * {@code connect ... firmware push} checks them against the gateway.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Prints what a firmware image file says (product, hardware, version, security counter, size, "
            + "SHA-256, chunks, signer, notes) and each check: signed by a trusted key, signature intact, bytes "
            + "matching the manifest.",
            "Exits with 0 when the image is acceptable, 1 with its FIRMWARE_* code when it is refused."})
final class FirmwareVerifyCommand implements Callable<Integer> {

    /** The folder, under the console's data folder, of the firmware keys it trusts besides the demo key. */
    static final String TRUSTED_FOLDER = "firmware-keys";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "FILE", description = "The image file.")
    Path file;

    @Option(names = "--trust", paramLabel = "DIR",
            description = "Trust the firmware key files in this folder only.")
    Path trustFolder;

    @Option(names = "--key", paramLabel = "PUBFILE", description = "Trust this firmware key file only.")
    Path keyFile;

    @Option(names = "--json", description = "Print a JSON object for programs.")
    boolean json;

    /** A check as the output lists it. */
    record CheckJson(String name, boolean passed, String detail) {
    }

    /** What the manifest says. */
    record ManifestJson(String product, List<String> hardwareIds, String version, long securityCounter,
            long imageSize, String imageSha256, int chunkSize, int chunkCount, String releaseNotes, Instant built) {

        static ManifestJson of(FirmwareManifest manifest) {
            return new ManifestJson(manifest.product().name().toLowerCase(Locale.ROOT),
                    manifest.hardwareIds(), manifest.version(), manifest.securityCounter(), manifest.imageSize(),
                    manifest.imageSha256().hex(), manifest.chunkSize(), manifest.chunkCount(),
                    manifest.releaseNotes(), manifest.built());
        }
    }

    /** The whole answer: {@code manifest} and {@code signer} are null when the file does not read. */
    record VerifyJson(String file, boolean acceptable, String refusal, String message, String trust,
            ManifestJson manifest, String signer, List<CheckJson> checks) {
    }

    @Override
    public Integer call() throws IOException {
        if (trustFolder != null && keyFile != null) {
            throw new UsageException("Give --trust or --key, not both.");
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("There is no image file at " + file + "; give the path of a firmware image.");
        }
        FirmwareKeys keys = keys();
        String trust = trustSentence(keys);

        FirmwareImage image;
        try {
            image = FirmwareImage.read(file);
        } catch (FirmwareRefusedException e) {
            List<CheckJson> checks = List.of(new CheckJson("file", false, e.getMessage()));
            print(new VerifyJson(file.toString(), false, e.refusal().code(), e.getMessage(), trust, null, null,
                    checks));
            throw new RefusedException(e.getMessage(), e, e.refusal().code());
        }

        List<FirmwareCheck.Result> results = FirmwareCheck.reviewImage(image, keys, null);
        FirmwareCheck.Result failed = results.stream().filter(result -> !result.passed()).findFirst().orElse(null);
        FirmwareRefusal refusal = failed == null ? null : failed.refusal();
        print(new VerifyJson(file.toString(), failed == null, refusal == null ? null : refusal.code(),
                failed == null ? "The image is acceptable." : failed.detail(), trust,
                ManifestJson.of(image.manifest()), image.signed().signer(), results.stream()
                        .map(result -> new CheckJson(result.name(), result.passed(), result.detail())).toList()));
        if (failed != null) {
            throw new RefusedException(failed.detail(), refusal.code());
        }
        return ExitCode.OK;
    }

    /**
     * The keys given, or else the console's own: the key files in its data folder's {@value #TRUSTED_FOLDER}
     * folder and the demo firmware key, as a push trusts them.
     *
     * <p>KNOWN SHORTCOMING: the demo key is trusted by default for any image, since nothing here tells an image
     * for a simulated site from one for a real site; the signer's fingerprint is printed, and a real gateway
     * refuses the demo key itself.
     */
    private FirmwareKeys keys() {
        if (keyFile != null) {
            return FirmwareCommand.publicKey(keyFile);
        }
        if (trustFolder != null) {
            return FirmwareCommand.folder(trustFolder);
        }
        Path folder = AppDirs.forCurrentUser().data().resolve(TRUSTED_FOLDER);
        FirmwareKeys own = Files.isDirectory(folder) ? FirmwareCommand.folder(folder) : FirmwareKeys.of();
        return own.with(SampleFirmware.trusted());
    }

    private String trustSentence(FirmwareKeys keys) {
        if (keyFile != null) {
            return "the key in " + keyFile;
        }
        if (trustFolder != null) {
            return keys.keys().size() + " key(s) in " + trustFolder;
        }
        return "the console's keys (" + AppDirs.forCurrentUser().data().resolve(TRUSTED_FOLDER) + ") and the demo "
                + "firmware key";
    }

    private void print(VerifyJson answer) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(answer));
            return;
        }
        out.println("File:      " + answer.file());
        ManifestJson manifest = answer.manifest();
        if (manifest != null) {
            out.println("Product:   " + manifest.product());
            out.println("Hardware:  " + String.join(", ", manifest.hardwareIds()));
            out.println("Version:   " + manifest.version());
            out.println("Counter:   " + manifest.securityCounter());
            out.println("Size:      " + manifest.imageSize() + " bytes");
            out.println("SHA-256:   " + manifest.imageSha256());
            out.println("Chunks:    " + manifest.chunkCount() + " of " + manifest.chunkSize() + " bytes");
            out.println("Built:     " + manifest.built());
            out.println("Signer:    " + answer.signer());
            out.println("Notes:     " + (manifest.releaseNotes().isEmpty() ? "(none)" : manifest.releaseNotes()));
        }
        out.println("Trusted:   " + answer.trust());
        TextTable table = new TextTable(3, "check", "result", "detail");
        answer.checks().forEach(check -> table.add(List.of(check.name(), check.passed() ? "passed" : "FAILED",
                check.detail())));
        table.print(out);
        // The closing line repeats the first failed check's sentence, which decides the refusal.
        out.println(answer.acceptable() ? "Acceptable: the image may be pushed." : "Refused [" + answer.refusal()
                + "]: " + answer.message());
    }
}
