package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.sim.firmware.SampleFirmware;
import io.gridside.site.firmware.CampaignPlan;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.WaveStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan as the command line prints it: each wave's size, hop range and hardware, and who is left out and why. */
class FirmwareTextsTest {

    private static final List<FleetMeter> FLEET = List.of(
            new FleetMeter("M01", "mtr-r2", "mtr-3.1.4", 5, 1),
            new FleetMeter("M02", "mtr-r3", "mtr-3.2.0", 6, 1),
            new FleetMeter("M03", "mtr-r3", "mtr-3.2.0", 6, 2),
            new FleetMeter("M04", "mtr-r2", "mtr-3.1.4", 5, 3),
            new FleetMeter("M05", "mtr-r3", "mtr-3.2.0", 6, -1),
            new FleetMeter("M06", "mtr-r1", "mtr-2.9.7", 3, 1),
            new FleetMeter("M07", "mtr-r1", "mtr-2.9.7", 3, 2),
            new FleetMeter("M08", "mtr-r2", "mtr-3.3.0", 7, 1));

    @Test
    void printsEachWaveAndCountsTheMetersLeftOutByReason() {
        CampaignPlan plan = CampaignPlan.of(FLEET, SampleFirmware.meterImage().manifest(),
                new CampaignPolicy(1, 2, 2, 980, 20, 4, 3, 8));
        StringWriter text = new StringWriter();

        FirmwareTexts.printPlan(new PrintWriter(text, true), plan, FLEET, new CampaignPolicy(1, 2, 2, 980, 20, 4, 3,
                8));

        assertThat(text.toString().lines()).containsExactly(
                "Plan: 5 meters in 3 waves, 3 left out.",
                "Policy: canary 1 per group, first wave 2, growth x2, advance at 98% confirmed, pause at 2% failed, "
                        + "soak 4 intervals, 3 attempts per meter, 8 at once.",
                "  wave    size  hops      hardware",
                "  canary     2  1         mtr-r2 x1, mtr-r3 x1",
                "  1          2  2-3       mtr-r2 x1, mtr-r3 x1",
                "  2          1  1 none    mtr-r3 x1",
                "  left out: 2 meters: hardware mtr-r1 does not run mtr-3.3.0",
                "  left out: 1 meter: runs mtr-3.3.0 already");
    }

    @Test
    void saysOneMeterAndOneWaveInTheSingular() {
        List<FleetMeter> one = List.of(new FleetMeter("M01", "mtr-r2", "mtr-3.1.4", 5, 1));
        CampaignPolicy policy = new CampaignPolicy(1, 2, 2, 995, 5, 1, 1, 8);
        StringWriter text = new StringWriter();

        FirmwareTexts.printPlan(new PrintWriter(text, true), CampaignPlan.of(one, SampleFirmware.meterImage()
                .manifest(), policy), one, policy);

        assertThat(text.toString()).contains("Plan: 1 meter in 1 wave, 0 left out.")
                .contains("advance at 99.5% confirmed, pause at 0.5% failed, soak 1 interval, 1 attempt per meter");
    }

    @Test
    void aRunningCampaignSaysWhenTheGatewayMovesItOnNextAndUntilWhenAWaveSoaks() {
        Instant updated = Instant.parse("2026-06-03T12:00:05Z");
        CampaignState soaking = campaign(CampaignStatus.RUNNING, updated, List.of(
                new CampaignState.Wave(0, WaveStatus.PASSED, 2, null),
                new CampaignState.Wave(1, WaveStatus.SOAKING, 2, Instant.parse("2026-06-03T13:00:00Z")),
                new CampaignState.Wave(2, WaveStatus.PENDING, 1, null)));
        StringWriter text = new StringWriter();

        FirmwareTexts.printTiming(new PrintWriter(text, true), soaking, Instant.parse("2026-06-03T12:13:00Z"),
                ZoneId.of("Africa/Nairobi"));

        assertThat(text.toString().lines()).containsExactly(
                "  The gateway moves campaigns on at each quarter hour; next at 15:15.",
                "  Wave 1 soaks until 16:00: its readings must stay normal until then.");
    }

    @Test
    void aCampaignThatIsNotRunningHasNoQuarterHourToWaitFor() {
        StringWriter text = new StringWriter();
        CampaignState aborted = campaign(CampaignStatus.ABORTED, Instant.parse("2026-06-03T12:00:05Z"),
                List.of(new CampaignState.Wave(0, WaveStatus.ABORTED, 2, null)));

        FirmwareTexts.printTiming(new PrintWriter(text, true), aborted, Instant.parse("2026-06-03T12:13:00Z"),
                ZoneId.of("UTC"));
        FirmwareTexts.printCampaign(new PrintWriter(text, true), aborted);

        assertThat(text.toString().lines()).first().asString().startsWith("Campaign c1 of mtr-3.3.0: aborted");
        assertThat(text.toString()).contains("  canary aborted");
    }

    private static CampaignState campaign(CampaignStatus status, Instant updated, List<CampaignState.Wave> waves) {
        return new CampaignState("c1", SampleFirmware.meterImage().manifest().imageSha256(), "mtr-3.3.0",
                CampaignPolicy.defaults(), status, "", updated.minusSeconds(3600), updated, waves, List.of());
    }
}
