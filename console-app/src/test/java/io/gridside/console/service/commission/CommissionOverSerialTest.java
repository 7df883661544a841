package io.gridside.console.service.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.SitePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small fresh site commissioned over a serial line (the simulator's pseudo-terminal, as a gateway's USB gadget
 * shows up), resumed from its store by the device the gateway step recorded; once its report is kept, the next site
 * starts a new day.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommissionOverSerialTest {

    private static final int METERS = 6;

    @TempDir
    Path home;

    @Test
    void commissionsASiteOverASerialLineAndResumesByItsDevice() throws Exception {
        try (FreshDay fresh = new FreshDay(METERS, home)) {
            String device = fresh.site.listenSerial();
            Path file;
            try (CommissionService day = new CommissionService(fresh.setupOverSerial(FreshDay.LENIENT))) {
                file = day.createSite(FreshDay.PLAN);
                day.useGateway(CommissionTargets.parse(device));
                day.usePack(fresh.pack);
                assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped())
                        .isEqualTo(CommissionStep.CUSTOMERS);
                fresh.advance(Duration.ofMinutes(30));
                day.pullJoined(CancelSignal.NEVER);
                assertThat(day.records().joined()).hasSize(METERS);
                assertThat(day.importCustomers(FreshDay.write(home.resolve("customers.csv"),
                        FreshDay.customersCsv(day.records().joined().stream().sorted(
                                java.util.Comparator.comparing(JoinedMeter::meterId)).toList(), 0))).ok()).isTrue();
            }
            try (CommissionService day = new CommissionService(fresh.setupOverSerial(FreshDay.LENIENT))) {
                day.resume(file);
                assertThat(day.records().progress().get(1).detail()).isEqualTo("serial=" + device);
                assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped())
                        .isEqualTo(CommissionStep.GO_LIVE);
                day.confirmGoLive();

                assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).complete()).isTrue();
                assertThat(day.records().relayTests()).hasSize(METERS);
                assertThat(day.records().progress().get(CommissionStep.GO_LIVE.ordinal()).detail())
                        .startsWith("live at").endsWith("with " + METERS + " customers");

                Path next = day.createSite(new SitePlan("ngamba-4", "Ngamba North", "Ngamba Power", "KES",
                        FreshDay.PLAN.zone(), List.of(), -0.30, 32.66));
                assertThat(next).isNotEqualTo(file);
                assertThat(day.current()).isEqualTo(CommissionStep.GATEWAY);
                assertThat(day.plan().siteId()).isEqualTo("ngamba-4");
            }
        }
    }
}
