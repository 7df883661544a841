package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.firmware.CutWire;
import io.gridside.link.message.FirmwareState;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FirmwareProduct;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connect ... firmware push --target meters} and {@code firmware campaign} against a simulated site whose
 * clock the test moves: the plan previewed without a byte sent, the image sent and the campaign started with the
 * policy asked, followed wave by wave, paused, resumed only by a supervisor and aborted, every state kept in the
 * site's database.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirmwareCampaignCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:07:00Z");

    @TempDir
    Path home;

    private SimClock.Manual clock;
    private CommandSite fixture;
    private String meterImage;

    @BeforeEach
    void startSite() throws IOException {
        clock = SimClock.manual(NOW);
        fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(40, 42, 1, NOW), clock))
                .pinned();
        SampleFirmware.writeSamples(home.resolve("images"));
        meterImage = home.resolve("images").resolve(SampleFirmware.METER_FILE).toString();
    }

    @AfterEach
    void stopSite() {
        fixture.close();
    }

    private CommandRun firmware(String credential, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "firmware";
        System.arraycopy(args, 0, all, 1, args.length);
        return fixture.connect(credential, all);
    }

    private static JsonNode json(CommandRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private SiteStore store() {
        return SiteStore.open(home.resolve("data").resolve("sites")
                .resolve(fixture.site().gateway().profile().siteId() + ".db"));
    }

    private List<FirmwareState.Staged> staged() {
        return fixture.site().gateway().firmware().state().staged().stream()
                .filter(image -> image.product() == FirmwareProduct.METER).toList();
    }

    /** Moves the site on by {@code quarters} quarter hours, as its own timer would. */
    private void run(int quarters) {
        for (int i = 0; i < quarters; i++) {
            clock.advance(Duration.ofMinutes(15));
            fixture.site().gateway().advance();
        }
    }

    @Test
    void aPlanOnlyPreviewsTheWavesWithoutSendingAByte() throws Exception {
        CommandRun text = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters", "--plan-only",
                "--first-wave", "5", "--growth", "2");
        JsonNode plan = json(firmware(fixture.supervisor(), "push", meterImage, "--target", "meters", "--plan-only",
                "--first-wave", "5", "--growth", "2", "--json"));

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Plan: 40 meters in").contains("canary")
                .contains("Plan only: nothing was sent.");
        JsonNode waves = plan.at("/plan/waves");
        assertThat(waves.size()).isGreaterThan(2);
        assertThat(waves.get(1).get("size").asInt()).isEqualTo(5);
        assertThat(waves.get(2).get("size").asInt()).isEqualTo(10);
        assertThat(plan.get("sent").asInt()).isZero();
        assertThat(plan.get("campaign").isNull()).isTrue();
        assertThat(staged()).as("nothing sent").isEmpty();
        try (SiteStore store = store()) {
            List<FleetMeter> fleet = store.firmware().fleet();
            assertThat(fleet).hasSize(40);
            int planned = 0;
            for (JsonNode wave : waves) {
                planned += wave.get("size").asInt();
            }
            assertThat(planned + plan.at("/plan/excluded").size()).isEqualTo(fleet.size());
        }
    }

    @Test
    void pushesTheImageStartsTheCampaignAndSteersItKeepingEachStateHeard() throws Exception {
        JsonNode pushed = json(firmware(fixture.supervisor(), "push", meterImage, "--target", "meters",
                "--first-wave", "4", "--soak-intervals", "1", "--confirm-percent", "90", "--json"));

        String id = pushed.at("/campaign/campaignId").asText();
        assertThat(pushed.at("/campaign/status").asText()).isEqualTo("running");
        assertThat(pushed.at("/campaign/policy/firstWaveSize").asInt()).isEqualTo(4);
        assertThat(pushed.at("/campaign/policy/confirmPerMille").asInt()).isEqualTo(900);
        assertThat(pushed.get("sent").asInt()).isEqualTo(64);
        assertThat(staged()).singleElement().satisfies(image -> assertThat(image.complete()).isTrue());

        run(8);
        JsonNode followed = json(firmware(fixture.supervisor(), "campaign", "--json"));
        assertThat(followed.get("campaignId").asText()).isEqualTo(id);
        assertThat(followed.at("/counts/confirmed").asInt()).as("the canary confirms").isPositive();
        CommandRun table = firmware(fixture.supervisor(), "campaign", "--id", id);
        assertThat(table.out()).contains("canary").contains("confirmed").contains("unreachable")
                .contains("The gateway moves campaigns on at each quarter hour; next at ");

        String technician = fixture.technician(home, NOW, Duration.ofDays(2), Map.of());
        assertThat(json(firmware(technician, "campaign", "pause", "--json")).get("status").asText())
                .isEqualTo("paused");
        CommandRun refused = firmware(technician, "campaign", "resume", "--id", id);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.err()).contains("[ROLE_FORBIDDEN]");
        assertThat(json(firmware(fixture.supervisor(), "campaign", "resume", "--id", id, "--json"))
                .get("status").asText()).isEqualTo("running");
        assertThat(json(firmware(technician, "campaign", "abort", "--id", id, "--json")).get("status").asText())
                .isEqualTo("aborted");
        CommandRun again = firmware(technician, "campaign", "resume", "--id", id);
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        CommandRun watched = firmware(technician, "campaign", "--id", id, "--watch");
        assertThat(watched.exitCode()).as("an aborted campaign ends the watch at once, as a failure")
                .isEqualTo(ExitCode.FAILED);
        assertThat(watched.out()).as("its waves read as stopped").contains(" aborted ")
                .doesNotContain(" updating ", " soaking ", "moves campaigns on");
        assertThat(watched.out().lines()).noneMatch(line -> line.matches(" +(canary|\\d+) +pending .*"));

        try (SiteStore store = store()) {
            assertThat(store.firmware().campaigns()).singleElement().extracting(CampaignState::status)
                    .isEqualTo(CampaignStatus.ABORTED);
        }
    }

    @Test
    void aMetersPushCutAmongItsChunksResumesAndAThirdRunFindsTheCampaignInsteadOfStartingAnother()
            throws Exception {
        String[] parts = fixture.tcp().split(":");
        try (CutWire wire = CutWire.to(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])))) {
            String[] push = {"connect", "--tcp", wire.tcp(), "--credential", fixture.supervisor(), "firmware", "push",
                meterImage, "--target", "meters", "--json"};
            // The hello, the fleet and the offer take some kilobytes; the 256 KiB image's chunks are 4 KiB.
            wire.cutAfterConsoleSends(120_000);

            CommandRun cut = CommandRun.of(push);
            wire.disarm();
            CommandRun resumed = CommandRun.of(push);
            CommandRun third = CommandRun.of(push);

            assertThat(wire.wasCut()).isTrue();
            assertThat(cut.exitCode()).as(cut.err()).isEqualTo(ExitCode.FAILED);
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.err()).containsPattern("resuming: \\d+ of 64 chunks already on the gateway");
            JsonNode first = new ObjectMapper().readTree(resumed.out());
            assertThat(first.get("alreadyHeld").asInt() + first.get("sent").asInt()).isEqualTo(64);
            assertThat(first.get("alreadyHeld").asInt()).isPositive();
            assertThat(third.exitCode()).as(third.err()).isZero();
            assertThat(third.err()).contains("has campaign " + first.at("/campaign/campaignId").asText()
                    + " of mtr-3.3.0 by this policy already");
            assertThat(new ObjectMapper().readTree(third.out()).get("sent").asInt()).isZero();
        }
        try (SiteStore store = store()) {
            assertThat(store.firmware().campaigns()).hasSize(1);
        }
    }

    @Test
    void anImageForOtherMetersIsRefusedBeforeAByteIsSent() throws Exception {
        Path other = BadImages.meterImageFor(home.resolve("bad"), "mtr-r9");

        CommandRun run = firmware(fixture.supervisor(), "push", other.toString(), "--target", "meters");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("[FIRMWARE_OTHER_HARDWARE]");
        assertThat(staged()).isEmpty();
    }

    @Test
    void campaignOptionsAreForMetersAndStayInTheirRanges() {
        CommandRun gateway = firmware(fixture.supervisor(), "push", meterImage, "--target", "gateway",
                "--first-wave", "3");
        CommandRun percent = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters",
                "--confirm-percent", "99.55");
        CommandRun range = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters",
                "--attempts", "0");

        assertThat(gateway.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(percent.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(percent.err()).contains("--confirm-percent");
        assertThat(range.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(range.err()).contains("--attempts");
        assertThat(staged()).isEmpty();
    }

    @Test
    void aPushByAnotherPolicyWhileTheCampaignRunsIsRefusedNamingItAndAPlanOnlySaysSo() throws Exception {
        JsonNode pushed = json(firmware(fixture.supervisor(), "push", meterImage, "--target", "meters",
                "--first-wave", "4", "--json"));
        String id = pushed.at("/campaign/campaignId").asText();

        CommandRun other = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters",
                "--first-wave", "6");
        CommandRun otherJson = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters",
                "--first-wave", "6", "--json");
        CommandRun plan = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters", "--plan-only",
                "--first-wave", "6");

        assertThat(other.exitCode()).as(other.err()).isEqualTo(ExitCode.FAILED);
        assertThat(other.errLines()).singleElement().asString().contains("campaign " + id)
                .contains("first wave 4").contains("first wave 6").contains("running")
                .contains("abort it first").contains("firmware campaign abort --id " + id)
                .endsWith("[CAMPAIGN_CONFLICT]");
        JsonNode refusal = new ObjectMapper().readTree(otherJson.out());
        assertThat(refusal.get("refusal").asText()).isEqualTo("CAMPAIGN_CONFLICT");
        assertThat(refusal.get("message").asText()).contains(id);
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("Policy: canary 1 per group, first wave 6, growth x3, advance at 98% "
                + "confirmed, pause at 2% failed, soak 4 intervals, 3 attempts per meter, 8 at once.")
                .contains("The gateway has campaign " + id + " of mtr-3.3.0, running (canary 1 per group, first "
                        + "wave 4,");
        try (SiteStore store = store()) {
            assertThat(store.firmware().campaigns()).singleElement().extracting(state -> state.policy()
                    .firstWaveSize()).as("the running campaign's policy kept").isEqualTo(4);
        }
    }

    @Test
    void aTechniciansMetersPushIsRefusedBeforeAByteIsSentButMayPlan() throws Exception {
        String technician = fixture.technician(home, NOW, Duration.ofDays(2), Map.of());

        CommandRun run = firmware(technician, "push", meterImage, "--target", "meters");
        CommandRun plan = firmware(technician, "push", meterImage, "--target", "meters", "--plan-only");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).singleElement().asString().contains("Starting a meter campaign needs a "
                + "supervisor's credential").endsWith("[ROLE_FORBIDDEN]");
        assertThat(staged()).as("not a byte sent").isEmpty();
        assertThat(plan.exitCode()).as(plan.err()).isZero();
    }

    @Test
    void meterStatusesReadInOneCaseAndNoCampaignIsAJsonRefusal() throws Exception {
        CommandRun none = firmware(fixture.supervisor(), "campaign", "--json");
        assertThat(none.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(new ObjectMapper().readTree(none.out()).get("refusal").asText()).isEqualTo("CAMPAIGN_UNKNOWN");

        json(firmware(fixture.supervisor(), "push", meterImage, "--target", "meters", "--json"));
        run(4);
        JsonNode campaign = json(firmware(fixture.supervisor(), "campaign", "--json"));

        assertThat(campaign.get("meters")).isNotEmpty().allSatisfy(meter -> {
            String status = meter.get("status").asText();
            assertThat(status).isLowerCase();
            assertThat(campaign.get("counts").has(status)).as(status).isTrue();
        });
    }

    @Test
    void anEmptyIdIsAUsageError() {
        CommandRun run = firmware(fixture.supervisor(), "campaign", "--id", "");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--id takes a campaign's id");
    }

    @Test
    void percentagesAreSpokenInPercentAndAPolicyWithoutRoomIsWarnedOf() {
        CommandRun over = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters", "--plan-only",
                "--confirm-percent", "150");
        CommandRun loose = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters", "--plan-only",
                "--confirm-percent", "1", "--pause-percent", "99");
        CommandRun stuck = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters", "--plan-only",
                "--confirm-percent", "99", "--pause-percent", "5");
        CommandRun defaults = firmware(fixture.supervisor(), "push", meterImage, "--target", "meters", "--plan-only");

        assertThat(over.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(over.err()).contains("--confirm-percent is a percentage from 0.1 to 100, not 150.")
                .doesNotContain("1500").doesNotContain("per thousand");
        assertThat(loose.exitCode()).as(loose.err()).isZero();
        assertThat(loose.err()).contains("warning: with --confirm-percent 1% and --pause-percent 99%");
        assertThat(stuck.exitCode()).as(stuck.err()).isZero();
        assertThat(stuck.err()).contains("add up to more than 100%").contains("neither advances nor pauses");
        assertThat(defaults.err()).doesNotContain("warning");
    }
}
