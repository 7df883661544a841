package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.firmware.FirmwareImage;
import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.cloud.CloudServer;
import io.gridside.sim.mesh.MeterUplink;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of {@code sim --flood-meter} and {@code --flood-rate}, which come before the site listens. */
class SimCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    @Test
    void floodingAMeterTheSiteDoesNotHaveIsAUsageError() {
        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--meters", "5", "--days", "0", "--flood-meter", "M00099");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("--flood-meter M00099", "M00001 to M00005");
    }

    @Test
    void aFloodRateOfNothingIsAUsageError() {
        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--flood-meter", "M00001", "--flood-rate", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("--flood-rate", "was 0");
    }

    @Test
    void theFloodingMeterLosesItsOwnEventsAndNoOtherMeterLosesAnything() {
        SimClock.Manual clock = SimClock.manual(NOW);
        SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(10, 3, 0, NOW), clock);
        SimCommand sim = new SimCommand();
        sim.floodMeter = "M00002";
        sim.floodRate = 72_000;

        sim.checkFloodRate();
        sim.flood(gateway);
        clock.advance(Duration.ofHours(1));

        MeterUplink flooder = gateway.uplinkStatus().stream().filter(m -> m.meterId().equals("M00002"))
                .findFirst().orElseThrow();
        assertThat(flooder.dropped()).isPositive();
        assertThat(gateway.uplinkStatus()).filteredOn(m -> !m.meterId().equals("M00002"))
                .allSatisfy(m -> assertThat(m.dropped()).isZero());
    }

    @Test
    void theGatewayTrustsTheFirmwareKeysGivenBesidesTheDemoKey(@TempDir Path directory) throws Exception {
        SigningKey maker = SigningKey.fromSeed(ByteString.fromHex("6d".repeat(32)));
        Path keyFile = directory.resolve("maker.json");
        FirmwareKeys.writePublicKey(keyFile, maker.publicKey());
        FirmwareImage image = FirmwareImage.build(FirmwareProduct.GATEWAY, List.of("gw-sim-r1"), "gw-sim-2.5.0", 8,
                4096, "A test image.", NOW, new byte[8192], maker);
        SimCommand sim = new SimCommand();
        sim.firmwareKeyFiles = List.of(keyFile);
        try (SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(5, 3, 0, NOW), SimClock.manual(NOW))) {
            assertThatThrownBy(() -> gateway.firmware().offer(image.signedManifestBytes()))
                    .isInstanceOfSatisfying(FirmwareRefusedException.class, refused -> assertThat(refused.refusal())
                            .isEqualTo(FirmwareRefusal.UNKNOWN_KEY));

            gateway.firmware().update().trust(sim.firmwareKeys());

            assertThat(gateway.firmware().offer(image.signedManifestBytes()).chunkCount()).isEqualTo(2);
        }
    }

    @Test
    void aFirmwareKeyFileThatCannotBeReadIsAUsageError(@TempDir Path directory) {
        Path missing = directory.resolve("missing.json");

        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--meters", "5", "--days", "0", "--firmware-key",
                missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("--firmware-key " + missing);
    }

    @Test
    void aSpeedThatIsNeitherANumberNorMaxIsAUsageError() {
        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--speed", "fast");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .contains("--speed takes a number, such as 2.5, or max", "'fast'");
    }

    @Test
    void maxSpeedIsAnInfiniteSpeedThatTheSiteOptionsAccept() {
        SiteOptions options = new SiteOptions();
        options.meters = 5;
        options.speed = new SiteOptions.SpeedConverter().convert("MAX");

        assertThat(options.speed).isInfinite();
        assertThat(options.spec().meters()).isEqualTo(5);
    }

    @Test
    void aTariffFileMakesTheSiteBillWithItUnderTheRealisticTerms(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tariff.json");
        Files.writeString(file, """
                {"tariffId": "evening", "currency": "KES", "versions": [
                  {"effectiveFrom": "2024-01-01T00:00", "currency": "KES", "blocks": [{"price": 40000000}],
                   "standing": {"period": "DAILY", "amountMinor": 1000}}]}
                """);
        SiteOptions options = new SiteOptions();
        options.meters = 5;
        options.speed = 1;
        options.tariffFile = file;

        SimBilling billing = options.spec().billing();

        assertThat(billing.realistic()).isTrue();
        assertThat(billing.schedule().tariffId()).isEqualTo("evening");
        assertThat(billing.calendar()).isNull();
    }

    @Test
    void refusesATariffFileInAnotherCurrency(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tariff.json");
        Files.writeString(file, """
                {"tariffId": "evening", "currency": "TZS", "versions": [
                  {"effectiveFrom": "2024-01-01T00:00", "currency": "TZS", "blocks": [{"price": 40000000}]}]}
                """);
        SiteOptions options = new SiteOptions();
        options.meters = 5;
        options.speed = 1;
        options.tariffFile = file;

        assertThatThrownBy(options::spec).isInstanceOf(UsageException.class).hasMessageContaining("TZS");
    }

    @Test
    void theSiteBillsFlatUnlessAskedOtherwise() {
        SiteOptions options = new SiteOptions();
        options.meters = 5;
        options.speed = 1;

        assertThat(options.spec().billing()).isEqualTo(SimBilling.FLAT);
        options.billing = "realistic";
        assertThat(options.spec().billing()).isEqualTo(SimBilling.REALISTIC);
        options.billing = "lavish";
        assertThatThrownBy(options::spec).isInstanceOf(UsageException.class).hasMessageContaining("lavish");
    }

    @Test
    void aGatewayKeySeedPresentsAnotherKeyForTheSameSite() {
        SiteSpec spec = new SiteSpec(5, 6, 0, NOW);
        SimCommand genuine = new SimCommand();
        SimCommand replaced = new SimCommand();
        replaced.gatewayKeySeed = "07".repeat(32);

        SigningKey genuineKey = genuine.identityKey(spec);
        SigningKey replacedKey = replaced.identityKey(spec);

        assertThat(genuineKey.publicKey()).isEqualTo(SimulatedGateway.identityKeyFor(spec).publicKey());
        assertThat(replacedKey.publicKey()).isNotEqualTo(genuineKey.publicKey())
                .isEqualTo(SigningKey.fromSeed(ByteString.fromHex("07".repeat(32))).publicKey());
    }

    @Test
    void aGatewayKeySeedThatIsNotHexIsAUsageError() {
        CommandRun run = CommandRun.of("sim", "--tcp", "0", "--gateway-key-seed", "not-hex");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("--gateway-key-seed", "64 hex digits")
                .endsWith("[USAGE]");
    }

    @Test
    void theHelpExplainsTheGatewayKeySeed() {
        CommandRun run = CommandRun.of("sim", "--help");

        assertThat(run.out()).contains("--gateway-key-seed=HEX", "replaced gateway of the same site");
    }

    @Test
    void cloudFaultsWithoutTheCloudOrMisspeltAreUsageErrors() {
        CommandRun alone = CommandRun.of("sim", "--tcp", "0", "--meters", "5", "--days", "0", "--cloud-faults",
                "error503=0.1");
        CommandRun misspelt = CommandRun.of("sim", "--tcp", "0", "--meters", "5", "--days", "0", "--cloud",
                "--cloud-faults", "error999=0.1");

        assertThat(alone.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(alone.errLines()).singleElement().asString().contains("add --cloud");
        assertThat(misspelt.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(misspelt.errLines()).singleElement().asString().contains("error999");
    }

    @Test
    void theCloudIsSeededForTheSimulatedSiteAndAnnouncesItsPins(@TempDir Path directory) throws Exception {
        SimCommand sim = new SimCommand();
        sim.cloud = true;
        sim.cloudDir = directory;
        sim.cloudFaults = "seed=3,slow=0.5,slow-ms=1";
        try (SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(5, 3, 0, NOW), SimClock.manual(NOW));
                CloudServer cloud = sim.startCloud(gateway)) {
            String site = gateway.layout().site().siteId();

            assertThat(cloud.url()).matches("https://127\\.0\\.0\\.1:\\d+");
            assertThat(cloud.pin()).startsWith("sha256/");
            assertThat(cloud.published(site, "topups")).hasSize(2);
            assertThat(cloud.issuerPin()).startsWith("sha256/").isNotEqualTo(cloud.pin());
        }
    }
}
