package io.gridside.site.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPolicy;
import io.gridside.site.firmware.CampaignState;
import io.gridside.site.firmware.CampaignStatus;
import io.gridside.site.firmware.FleetMeter;
import io.gridside.site.firmware.GatewayInstall;
import io.gridside.site.firmware.MeterUpdateStatus;
import io.gridside.site.firmware.WaveStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The firmware rows: the fleet replaced whole, each campaign's last state, and gateway installs kept once. */
class SiteStoreFirmwareTest {

    private static final Instant T0 = Instant.parse("2026-06-03T09:00:00Z");
    private static final ByteString SHA = sha(7);

    @TempDir
    Path dir;

    private static ByteString sha(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return ByteString.of(bytes);
    }

    private static CampaignState campaign(String id, CampaignStatus status, Instant started, Instant updated) {
        return new CampaignState(id, SHA, "mtr-3.3.0", new CampaignPolicy(2, 5, 2, 950, 50, 3, 2, 4), status,
                status == CampaignStatus.HALTED ? "wave 1 failed: 2 of 5 meters did not rejoin" : "", started,
                updated,
                List.of(new CampaignState.Wave(0, WaveStatus.PASSED, 2, null),
                        new CampaignState.Wave(1, WaveStatus.SOAKING, 5, updated.plusSeconds(3600))),
                List.of(new CampaignState.MeterUpdate("M00001", 0, MeterUpdateStatus.CONFIRMED, 1, "", "mtr-3.3.0"),
                        new CampaignState.MeterUpdate("M00002", 1, MeterUpdateStatus.FAILED, 3,
                                "did not rejoin the mesh after its reboot", "mtr-3.1.4")));
    }

    @Test
    void keepsTheFleetAndReplacesItWholeAtTheNextPull() {
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.firmware().fleet()).isEmpty();
            assertThat(store.firmware().fleetPulledAt()).isEmpty();
            store.firmware().saveFleet(List.of(new FleetMeter("M00002", "mtr-r2", "mtr-3.1.4", 5, 2),
                    new FleetMeter("M00001", "mtr-r1", "mtr-2.9.7", 3, -1)), T0);
        }
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.firmware().fleet()).containsExactly(
                    new FleetMeter("M00001", "mtr-r1", "mtr-2.9.7", 3, -1),
                    new FleetMeter("M00002", "mtr-r2", "mtr-3.1.4", 5, 2));
            assertThat(store.firmware().fleetPulledAt()).contains(T0);
            store.firmware().saveFleet(List.of(new FleetMeter("M00003", "mtr-r3", "mtr-3.2.0", 6, 1)),
                    T0.plusSeconds(60));
            assertThat(store.firmware().fleet()).extracting(FleetMeter::meterId).containsExactly("M00003");
            assertThat(store.firmware().fleetPulledAt()).contains(T0.plusSeconds(60));
        }
    }

    @Test
    void keepsTheLastStateOfEachCampaignWholeAndRefusesAnOlderOne() {
        CampaignState running = campaign("C-1", CampaignStatus.RUNNING, T0, T0.plusSeconds(900));
        CampaignState halted = campaign("C-1", CampaignStatus.HALTED, T0, T0.plusSeconds(1800));
        CampaignState later = campaign("C-2", CampaignStatus.RUNNING, T0.plusSeconds(7200), T0.plusSeconds(7200));
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.firmware().saveCampaign(running, T0.plusSeconds(901))).isTrue();
            assertThat(store.firmware().saveCampaign(halted, T0.plusSeconds(1801))).isTrue();
            assertThat(store.firmware().saveCampaign(running, T0.plusSeconds(1802)))
                    .as("an answer older by the gateway's clock than the one held").isFalse();
            store.firmware().saveCampaign(later, T0.plusSeconds(7201));
        }
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.firmware().campaign("C-1")).contains(halted);
            assertThat(store.firmware().campaign("C-9")).isEmpty();
            assertThat(store.firmware().campaigns()).containsExactly(later, halted);
            assertThat(store.firmware().campaigns(CampaignStatus.HALTED)).containsExactly(halted);
            assertThat(store.firmware().campaigns(CampaignStatus.COMPLETED)).isEmpty();
        }
    }

    @Test
    void keepsEachInstallOnceTheLatestFirst() {
        GatewayInstall reverted = new GatewayInstall(T0, "gw-sim-2.5.0", false, "the mesh radio did not come up",
                List.of(new GatewayInstall.Check("mesh-radio", false, "no meter has a route"),
                        new GatewayInstall.Check("meter-read", false, "not run")));
        GatewayInstall confirmed = new GatewayInstall(T0.plusSeconds(3600), "gw-sim-2.5.0", true, "",
                List.of(new GatewayInstall.Check("mesh-radio", true, "12 meters have a route")));
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.firmware().recordInstall(reverted)).isTrue();
            assertThat(store.firmware().recordInstall(confirmed)).isTrue();
            assertThat(store.firmware().recordInstall(reverted)).as("heard again").isFalse();
        }
        try (SiteStore store = SiteStore.open(dir.resolve("site.db"))) {
            assertThat(store.firmware().installs()).containsExactly(confirmed, reverted);
        }
    }
}
