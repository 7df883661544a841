package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.link.firmware.SignedManifest;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirmwareCommandTest {

    @TempDir
    Path dir;

    private String previousHome;
    private Path samples;

    @BeforeEach
    void home() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", dir.resolve("home").toString());
        samples = dir.resolve("samples");
        SampleFirmware.writeSamples(samples);
    }

    @AfterEach
    void restoreHome() {
        Credentials.restoreHome(previousHome);
    }

    @Test
    void makesAKeySignsABinaryAndVerifiesTheImageWithThatKey() throws Exception {
        Path key = dir.resolve("maker.key.json");
        Path binary = write("meter.bin", bytes(5_000));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Steadier readings at low load.\n");
        Path image = dir.resolve("mtr-3.4.0.gsfw");

        CommandRun keygen = CommandRun.of("firmware", "keygen", "--out", key.toString());
        CommandRun sign = CommandRun.of("firmware", "sign", "--key", key.toString(), "--image", binary.toString(),
                "--product", "meter", "--hardware", "mtr-r2,mtr-r3", "--version", "mtr-3.4.0", "--counter", "9",
                "--chunk-size", "1024", "--notes-file", notes.toString(), "--out", image.toString());
        CommandRun verify = CommandRun.of("firmware", "verify", image.toString(), "--key",
                dir.resolve("maker.pub.json").toString());

        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        FirmwareManifest manifest = FirmwareImage.read(image).manifest();
        assertThat(manifest.product()).isEqualTo(FirmwareProduct.METER);
        assertThat(manifest.hardwareIds()).containsExactly("mtr-r2", "mtr-r3");
        assertThat(manifest.securityCounter()).isEqualTo(9);
        assertThat(manifest.chunkCount()).isEqualTo(5);
        assertThat(manifest.releaseNotes()).isEqualTo("Steadier readings at low load.");
        assertThat(FirmwareImage.read(image).bytes()).isEqualTo(bytes(5_000));
        String signer = FirmwareKeys.readSigningKey(key).fingerprint();
        assertThat(keygen.out()).contains(signer, "maker.pub.json");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("Version:   mtr-3.4.0", "Hardware:  mtr-r2, mtr-r3", "Counter:   9",
                "Size:      5000 bytes", "Chunks:    5 of 1024 bytes", "Signer:    " + signer,
                "Steadier readings", "Acceptable");
        assertThat(verify.out()).doesNotContain("FAILED");
        assertThat(verify.err()).isEmpty();
    }

    @Test
    void verifiesTheSamplesAgainstTheConsolesOwnTrustWhichHoldsTheDemoKey() {
        CommandRun run = CommandRun.of("firmware", "verify", samples.resolve(SampleFirmware.GATEWAY_FILE).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("gw-sim-2.5.0", "demo firmware key", SampleFirmware.key().fingerprint());
    }

    @Test
    void trustsTheKeyFilesOfTheConsolesDataFolder() throws IOException {
        Path key = dir.resolve("maker.key.json");
        Path trusted = Files.createDirectories(dir.resolve("home/data/firmware-keys"));
        assertThat(CommandRun.of("firmware", "keygen", "--out", key.toString(), "--public-out",
                trusted.resolve("maker.json").toString()).exitCode()).isZero();
        Path image = sign(key, "gw-sim-2.6.0", "gateway");

        CommandRun run = CommandRun.of("firmware", "verify", image.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void printsJsonForPrograms() throws IOException {
        CommandRun run = CommandRun.of("firmware", "verify", samples.resolve(SampleFirmware.METER_FILE).toString(),
                "--trust", samples.toString(), "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(json.get("acceptable").asBoolean()).isTrue();
        assertThat(json.get("refusal").isNull()).isTrue();
        assertThat(json.at("/manifest/version").asText()).isEqualTo("mtr-3.3.0");
        assertThat(json.at("/manifest/product").asText()).isEqualTo("meter");
        assertThat(json.at("/manifest/chunkCount").asInt()).isEqualTo(64);
        assertThat(json.get("signer").asText()).isEqualTo(SampleFirmware.key().fingerprint());
        assertThat(json.get("checks")).extracting(check -> check.get("name").asText())
                .containsExactly("signer", "signature", "size", "SHA-256", "chunks");
    }

    @Test
    void refusesARawBinaryAsUnsigned() throws IOException {
        CommandRun run = CommandRun.of("firmware", "verify", write("raw.bin", bytes(3_000)).toString());

        assertRefused(run, "FIRMWARE_UNSIGNED", "raw binary");
    }

    @Test
    void refusesAnImageSignedByAKeyNotTrusted() throws IOException {
        Path key = dir.resolve("maker.key.json");
        CommandRun.of("firmware", "keygen", "--out", key.toString());

        CommandRun run = CommandRun.of("firmware", "verify", samples.resolve(SampleFirmware.GATEWAY_FILE).toString(),
                "--key", dir.resolve("maker.pub.json").toString());

        assertRefused(run, "FIRMWARE_UNKNOWN_KEY", SampleFirmware.key().fingerprint());
        assertThat(run.out()).contains("signer", "FAILED", "Refused [FIRMWARE_UNKNOWN_KEY]");
    }

    @Test
    void refusesAnImageWhoseManifestWasChangedAfterSigning() throws IOException {
        FirmwareImage sample = SampleFirmware.gatewayImage();
        FirmwareManifest m = sample.manifest();
        FirmwareManifest changed = new FirmwareManifest(m.product(), m.hardwareIds(), m.version(), 99,
                m.imageSize(), m.imageSha256(), m.chunkSize(), m.chunkSha256(), m.releaseNotes(), m.built());
        Path file = dir.resolve("changed.gsfw");
        FirmwareImage.of(new SignedManifest(changed, sample.signed().publicKey(), sample.signed().signature()),
                sample.bytes()).write(file);

        CommandRun run = CommandRun.of("firmware", "verify", file.toString(), "--trust", samples.toString());

        assertRefused(run, "FIRMWARE_BAD_SIGNATURE", "changed after it was signed");
    }

    @Test
    void refusesAnImageWithADamagedByteAndNamesTheChunk() throws IOException {
        byte[] file = SampleFirmware.gatewayImage().fileBytes();
        file[file.length - 20_000] ^= 0x10;

        CommandRun run = CommandRun.of("firmware", "verify", write("damaged.gsfw", file).toString(), "--json");

        assertRefused(run, "FIRMWARE_DAMAGED", "SHA-256");
        assertThat(new ObjectMapper().readTree(run.out()).at("/checks/4/detail").asText())
                .contains("1 of its 64 chunks damaged (chunk 63 of 64)");
    }

    @Test
    void refusesAFileCutShortAsDamaged() throws IOException {
        byte[] file = SampleFirmware.meterImage().fileBytes();

        CommandRun run = CommandRun.of("firmware", "verify",
                write("cut.gsfw", Arrays.copyOf(file, file.length / 2)).toString());

        assertRefused(run, "FIRMWARE_DAMAGED", "cut short");
    }

    @Test
    void writesTheSamplesThatTheSimulatedSiteRunsOn() throws IOException, FirmwareRefusedException {
        Path out = dir.resolve("out");

        CommandRun run = CommandRun.of("firmware", "samples", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("gw-sim-2.5.0.gsfw")))
                .isEqualTo(SampleFirmware.gatewayImage().fileBytes());
        assertThat(FirmwareImage.read(out.resolve("mtr-3.3.0.gsfw")).manifest().version()).isEqualTo("mtr-3.3.0");
        assertThat(FirmwareKeys.load(out).keys()).containsExactly(SampleFirmware.key().publicKey());
        assertThat(run.out()).contains("Demo only");
    }

    @Test
    void refusesToSignWithAPublicKeyFile() throws IOException {
        CommandRun run = CommandRun.of("firmware", "sign", "--key", samples.resolve(SampleFirmware.KEY_FILE)
                .toString(), "--image", write("b.bin", bytes(600)).toString(), "--product", "gateway", "--hardware",
                "gw-r1", "--version", "gw-1.0.0", "--counter", "1", "--out", dir.resolve("o.gsfw").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("only the public key", "[FIRMWARE_KEYS]");
        assertThat(dir.resolve("o.gsfw")).doesNotExist();
    }

    @Test
    void refusesWhatCannotBeSignedAsUsageErrors() throws IOException {
        Path key = dir.resolve("maker.key.json");
        CommandRun.of("firmware", "keygen", "--out", key.toString());
        Path binary = write("b.bin", bytes(600));
        Path existing = write("exists.gsfw", new byte[] {1});

        assertThat(signWith(key, binary, "--product", "toaster").err()).contains("gateway or meter");
        assertThat(signWith(key, binary, "--version", "gw 1.0 ").err()).contains("printable ASCII");
        assertThat(signWith(key, binary, "--chunk-size", "1000").err()).contains("power of two");
        assertThat(signWith(key, binary, "--notes", "a", "--notes-file", binary.toString()).err())
                .contains("not both");
        assertThat(signWith(key, write("empty.bin", new byte[0])).err()).contains("1 byte to 64 MiB");
        CommandRun exists = CommandRun.of("firmware", "sign", "--key", key.toString(), "--image", binary.toString(),
                "--product", "gateway", "--hardware", "gw-r1", "--version", "gw-1.0.0", "--counter", "1", "--out",
                existing.toString());
        assertThat(exists.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(exists.err()).contains("[FILE_EXISTS]");
        assertThat(Files.readAllBytes(existing)).containsExactly(1);
    }

    @Test
    void aNonKeyFileANegativeCounterAreSaidPlainly() throws IOException {
        Path key = dir.resolve("maker.key.json");
        CommandRun.of("firmware", "keygen", "--out", key.toString());
        Path binary = write("b.bin", bytes(600));
        byte[] notText = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28};

        String notAKey = signWith(write("image.bin", notText), binary).err();
        CommandRun verify = CommandRun.of("firmware", "verify", samples.resolve(SampleFirmware.GATEWAY_FILE)
                .toString(), "--key", write("not-a-key.bin", notText).toString());
        String negative = signWith(key, binary, "--counter", "-1").err();

        assertThat(notAKey).contains("is not a firmware key file").doesNotContain("Input length");
        assertThat(verify.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(verify.err()).contains("is not a firmware key file").doesNotContain("Input length");
        assertThat(negative).contains("a security counter is 0 or more, not -1");
    }

    @Test
    void keygenSaysWhereConsolesLookForTrustedKeysAndHowToCopyThere() {
        Path key = dir.resolve("maker.key.json");

        CommandRun run = CommandRun.of("firmware", "keygen", "--out", key.toString());

        Path trusted = dir.resolve("home").resolve("data").resolve("firmware-keys");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("data folder's firmware-keys folder; on this computer that is " + trusted)
                .contains("mkdir -p " + trusted + " && cp " + dir.resolve("maker.pub.json") + " " + trusted + "/");
    }

    @Test
    void aDamagedImagesClosingLineGivesTheFirstFailedChecksReason() throws IOException {
        byte[] file = SampleFirmware.gatewayImage().fileBytes();
        file[file.length - 20_000] ^= 0x10;

        CommandRun run = CommandRun.of("firmware", "verify", write("damaged.gsfw", file).toString());

        String closing = run.out().lines().reduce((first, second) -> second).orElseThrow();
        String firstFailed = run.out().lines().filter(line -> line.contains("FAILED")).findFirst().orElseThrow();
        assertThat(closing).startsWith("Refused [FIRMWARE_DAMAGED]: ");
        String reason = closing.substring("Refused [FIRMWARE_DAMAGED]: ".length());
        assertThat(reason).contains("SHA-256");
        assertThat(firstFailed).contains(reason.substring(0, 30));
    }

    @Test
    void neverReplacesAKeyFile() throws IOException {
        Path key = write("maker.key.json", "{}".getBytes());

        CommandRun run = CommandRun.of("firmware", "keygen", "--out", key.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("[FILE_EXISTS]");
        assertThat(dir.resolve("maker.pub.json")).doesNotExist();
    }

    @Test
    void signsHelpTakesNoVersionOptionOfItsOwn() {
        CommandRun run = CommandRun.of("firmware", "sign", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--version=V", "--counter=N", "--notes-file=FILE");
    }

    private CommandRun signWith(Path key, Path binary, String... overrides) {
        List<String> args = new java.util.ArrayList<>(List.of("firmware", "sign", "--key", key.toString(),
                "--image", binary.toString(), "--out", dir.resolve("never.gsfw").toString()));
        List<String> given = Arrays.asList(overrides);
        addUnless(args, given, "--product", "gateway");
        addUnless(args, given, "--hardware", "gw-r1");
        addUnless(args, given, "--version", "gw-1.0.0");
        addUnless(args, given, "--counter", "1");
        args.addAll(given);
        CommandRun run = CommandRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(dir.resolve("never.gsfw")).doesNotExist();
        return run;
    }

    private static void addUnless(List<String> args, List<String> given, String option, String value) {
        if (!given.contains(option)) {
            args.add(option);
            args.add(value);
        }
    }

    private Path sign(Path key, String version, String product) throws IOException {
        Path image = dir.resolve(version + ".gsfw");
        CommandRun run = CommandRun.of("firmware", "sign", "--key", key.toString(), "--image",
                write(version + ".bin", bytes(2_048)).toString(), "--product", product, "--hardware", "gw-sim-r1",
                "--version", version, "--counter", "9", "--out", image.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return image;
    }

    private static void assertRefused(CommandRun run, String code, String words) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("gridside: ").contains(words).endsWith("[" + code + "]"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }
}
