package io.gridside.console.cli;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside firmware sign}: makes a signed image file of a raw binary, with a firmware key file. */
@Command(name = "sign",
        description = {"Signs a raw firmware binary with a firmware key file and writes the image file that "
            + "consoles and gateways take: the binary behind its signed manifest (product, hardware, version, "
            + "security counter, size, SHA-256 of the image and of each chunk, release notes)."})
final class FirmwareSignCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** Help by hand: the standard options would take --version, which names the image's version here. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--key", paramLabel = "KEYFILE", required = true,
            description = "The private firmware key file (made by gridside firmware keygen).")
    Path keyFile;

    @Option(names = "--image", paramLabel = "BIN", required = true, description = "The raw firmware binary.")
    Path binary;

    @Option(names = "--product", paramLabel = "gateway|meter", required = true,
            description = "What the image runs on: gateway or meter.")
    String product;

    @Option(names = "--hardware", paramLabel = "ID", required = true, split = ",",
            description = "The hardware revisions it runs on, such as mtr-r2,mtr-r3.")
    List<String> hardware;

    @Option(names = "--version", paramLabel = "V", required = true,
            description = "Its version, such as mtr-3.3.0: 1 to 32 printable ASCII characters.")
    String version;

    @Option(names = "--counter", paramLabel = "N", required = true,
            description = "Its security counter: devices refuse an image whose counter is below the one they run.")
    long counter;

    @Option(names = "--chunk-size", paramLabel = "BYTES", defaultValue = "4096",
            description = "The chunk size, a power of two from 512 to 65536 (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Release notes for the technician.")
    String notes;

    @Option(names = "--notes-file", paramLabel = "FILE", description = "Release notes from a UTF-8 text file.")
    Path notesFile;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The image file to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        FirmwareProduct what = product(product);
        if (counter < 0) {
            throw new UsageException("--counter: a security counter is 0 or more, not " + counter + ".");
        }
        String releaseNotes = releaseNotes();
        CommandFiles.requireNew(out, "--out");
        SigningKey key = FirmwareCommand.signingKey(keyFile);
        byte[] bytes = binary();

        FirmwareImage image = build(what, releaseNotes, bytes, key);
        CommandFiles.written(out, "--out", () -> image.write(out));

        FirmwareManifest manifest = image.manifest();
        command.commandLine().getOut().println("Signed " + manifest.version() + " for " + product + " hardware "
                + String.join(", ", manifest.hardwareIds()) + " (security counter " + manifest.securityCounter()
                + ", " + manifest.imageSize() + " bytes in " + manifest.chunkCount() + " chunks of "
                + manifest.chunkSize() + ") with key " + key.fingerprint() + "; written to " + out + ".");
        return ExitCode.OK;
    }

    private static FirmwareProduct product(String product) {
        return switch (product) {
            case "gateway" -> FirmwareProduct.GATEWAY;
            case "meter" -> FirmwareProduct.METER;
            default -> throw new UsageException("--product is gateway or meter, not " + product + ".");
        };
    }

    private String releaseNotes() {
        if (notes != null && notesFile != null) {
            throw new UsageException("Give the release notes with --notes or --notes-file, not both.");
        }
        if (notesFile == null) {
            return notes == null ? "" : notes;
        }
        try {
            return Files.readString(notesFile).strip();
        } catch (NoSuchFileException e) {
            throw new UsageException("The notes file " + notesFile + " does not exist; check the path.", e);
        } catch (CharacterCodingException e) {
            throw new UsageException("The notes file " + notesFile + " is not UTF-8 text.", e);
        } catch (IOException e) {
            throw new UsageException("The notes file " + notesFile + " cannot be read: " + e.getMessage(), e);
        }
    }

    private byte[] binary() throws IOException {
        if (!Files.isRegularFile(binary)) {
            throw new UsageException("There is no file at " + binary + "; give the path of the raw binary to sign.");
        }
        long size = Files.size(binary);
        if (size < 1 || size > FirmwareManifest.MAX_IMAGE) {
            throw new UsageException("The binary " + binary + " is " + size + " bytes; an image is 1 byte to 64 MiB.");
        }
        return Files.readAllBytes(binary);
    }

    private FirmwareImage build(FirmwareProduct what, String releaseNotes, byte[] bytes, SigningKey key) {
        try {
            return FirmwareImage.build(what, hardware, version, counter, chunkSize, releaseNotes,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), bytes, key);
        } catch (IllegalArgumentException e) {
            throw new UsageException("The image cannot be signed: " + e.getMessage() + ".", e);
        }
    }
}
