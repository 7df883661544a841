package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.firmware.CampaignState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two consoles push the meter image at once, each with its own first wave: one campaign starts, and the other push
 * is refused naming it, whichever order the two reach the gateway in; neither says its own policy runs when it
 * does not.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirmwareCampaignRaceTest {

    private static final Instant NOW = Instant.parse("2026-12-05T09:07:00Z");

    @TempDir
    Path home;

    private CommandSite fixture;
    private String meterImage;

    @BeforeEach
    void startSite() throws IOException {
        fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(30, 42, 1, NOW),
                SimClock.manual(NOW))).pinned();
        SampleFirmware.writeSamples(home.resolve("images"));
        meterImage = home.resolve("images").resolve(SampleFirmware.METER_FILE).toString();
    }

    @AfterEach
    void stopSite() {
        fixture.close();
    }

    @RepeatedTest(3)
    void oneOfTwoPoliciesPushedAtOnceRunsAndTheOtherIsRefusedNamingIt() throws Exception {
        CompletableFuture<CommandRun> five = CompletableFuture.supplyAsync(() -> push("5"));
        CompletableFuture<CommandRun> seven = CompletableFuture.supplyAsync(() -> push("7"));
        List<CommandRun> runs = List.of(five.get(90, TimeUnit.SECONDS), seven.get(90, TimeUnit.SECONDS));

        CampaignState running = fixture.site().gateway().firmware().campaign(null).campaign();
        int winner = running.policy().firstWaveSize() == 5 ? 0 : 1;
        assertThat(running.policy().firstWaveSize()).isIn(5, 7);
        CommandRun won = runs.get(winner);
        CommandRun lost = runs.get(1 - winner);
        assertThat(won.exitCode()).as(won.err()).isEqualTo(ExitCode.OK);
        assertThat(won.out()).contains(running.campaignId());
        assertThat(lost.exitCode()).as(lost.out() + lost.err()).isEqualTo(ExitCode.FAILED);
        assertThat(lost.err()).contains("campaign " + running.campaignId()).contains("[CAMPAIGN_CONFLICT]")
                .doesNotContain("by this policy already");
    }

    private CommandRun push(String firstWave) {
        return fixture.connect(fixture.supervisor(), "firmware", "push", meterImage, "--target", "meters",
                "--first-wave", firstWave);
    }
}
