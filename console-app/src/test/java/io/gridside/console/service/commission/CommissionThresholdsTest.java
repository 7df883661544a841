package io.gridside.console.service.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.CustomerCsv;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkCheck;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.LinkVerdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thresholds changed on the day: the link check that runs after the change measures the meters against them, not
 * against the setup's, and a check that finds a meter failing holds the day at the link check.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommissionThresholdsTest {

    private static final int METERS = 12;

    @TempDir
    Path home;

    @Test
    void theLinkCheckRunsAgainAgainstThresholdsChangedOnTheDay() throws Exception {
        try (FreshDay fresh = new FreshDay(METERS, home);
                CommissionService day = new CommissionService(fresh.setup(FreshDay.LENIENT))) {
            day.createSite(FreshDay.PLAN);
            day.useGateway(fresh.target());
            day.usePack(fresh.pack);
            day.proceed(Progress.NONE, CancelSignal.NEVER);
            fresh.advance(Duration.ofHours(2));
            List<JoinedMeter> joined = new ArrayList<>();
            try (GatewayClient client = fresh.open()) {
                client.commissioning().joinedMeters(null, (batch, received, total) -> joined.addAll(batch),
                        CancelSignal.NEVER);
            }
            CustomerCsv.Result imported = day.importCustomers(FreshDay.write(home.resolve("customers.csv"),
                    FreshDay.customersCsv(joined, 0)));
            assertThat(imported.problems()).isEmpty();
            assertThat(day.proceed(Progress.NONE, CancelSignal.NEVER).stopped()).isEqualTo(CommissionStep.GO_LIVE);
            assertThat(day.records().linkChecks()).extracting(LinkCheck::verdict).containsOnly(LinkVerdict.PASS);

            LinkThresholds unreachable = new LinkThresholds(-20, -30, 1, 1.01, 9, 8, 150);
            day.useThresholds(unreachable);
            day.goBack(CommissionStep.LINK_CHECK);
            RunResult again = day.proceed(Progress.NONE, CancelSignal.NEVER);

            assertThat(day.thresholds()).isEqualTo(unreachable);
            assertThat(again.stopped()).isEqualTo(CommissionStep.LINK_CHECK);
            assertThat(again.waiting()).contains("too weak to go live");
            assertThat(day.records().linkChecks()).hasSize(METERS).extracting(LinkCheck::verdict)
                    .containsOnly(LinkVerdict.FAIL);
        }
    }
}
