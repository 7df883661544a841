package io.gridside.console.replay;

import static io.gridside.console.replay.ReplaySites.hours;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.Progress;
import io.gridside.console.service.ReplayHistory;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.outage.OutageCause;
import io.gridside.site.store.SiteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window read from a site database: the hand-made site's six hours with their power outage. */
class ReplayWindowTest {

    @TempDir
    Path folder;

    private SiteStore store() {
        SiteStore store = SiteStore.open(folder.resolve("site.db"));
        store.saveSite(new SiteInfo("S-1", "Test village", "KES", ReplaySites.ZONE), ReplaySites.GATEWAY);
        store.saveRoster(List.of(new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD),
                new Customer("C-2", "Baraka", CustomerCategory.HOUSEHOLD),
                new Customer("C-3", "Chege", CustomerCategory.SHOP)),
                List.of(new Meter("M-1", "SN-1", "C-1", ReplaySites.GATEWAY, -60),
                        new Meter("M-2", "SN-2", "C-2", "M-1", -70),
                        new Meter("M-3", "SN-3", "C-3", "M-1", -70)));
        store.insertEvents(ReplaySites.events());
        return store;
    }

    @Test
    void aWeekAskedOfSixHoursOfEventsStartsWithTheirFirstSiteDay() {
        try (SiteStore store = store()) {
            Instant to = hours(6);

            ReplayWindow window = ReplayWindow.load(new ReplayHistory(store), to.minus(Duration.ofDays(7)), to,
                    Progress.NONE);

            Instant firstDay = ReplaySites.T0.atZone(ReplaySites.ZONE).toLocalDate().atStartOfDay(ReplaySites.ZONE)
                    .toInstant();
            assertThat(window.from()).isEqualTo(firstDay);
            assertThat(window.events()).hasSize(ReplaySites.events().size());
            assertThat(window.customerOf()).containsEntry("M-2", "Baraka");
            assertThat(window.parentsAtStart()).containsEntry("M-3", "M-1");
            assertThat(window.states().at(hours(1.5)).powered(1)).isFalse();
            assertThat(window.states().at(hours(2.5)).powered(1)).isTrue();
            assertThat(window.historyStart()).isEqualTo(hours(1));
            assertThat(window.historyEnd()).isEqualTo(hours(5));
            assertThat(window.beforeHistory(firstDay)).isTrue();
            assertThat(window.beforeHistory(hours(1))).isFalse();
            assertThat(window.afterHistory(hours(5.5))).isTrue();
            assertThat(window.opening()).isEqualTo(hours(1));
        }
    }

    @Test
    void aWindowThatEndsBeforeTheLastEventHeldEndsInsideTheHistory() {
        try (SiteStore store = store()) {
            ReplayWindow window = ReplayWindow.load(new ReplayHistory(store), ReplaySites.T0, hours(4.5),
                    Progress.NONE);

            assertThat(window.historyStart()).isNull();
            assertThat(window.historyEnd()).isNull();
            assertThat(window.beforeHistory(ReplaySites.T0)).isFalse();
            assertThat(window.afterHistory(hours(4.4))).isFalse();
        }
    }

    @Test
    void aDiagnosisThatFailsLeavesTheReplayAndSaysWhy() {
        try (SiteStore store = store()) {
            ReplayWindow window = ReplayWindow.load(new ReplayHistory(store), ReplaySites.T0, hours(6),
                    Progress.NONE, input -> {
                        throw new IllegalStateException("no route known for M-9");
                    });

            assertThat(window.diagnosis()).isNull();
            assertThat(window.review()).isNull();
            assertThat(window.diagnosisProblem()).contains("no route known for M-9")
                    .contains("the replay works without it");
            assertThat(window.states().at(hours(1.5)).powered(2)).isFalse();
            assertThat(window.parentsAtStart()).containsEntry("M-2", "M-1");
        }
    }

    @Test
    void diagnosesTheWindowAndKeepsTheReviewForItsReport() throws Exception {
        try (SiteStore store = store()) {
            ReplayWindow window = ReplayWindow.load(new ReplayHistory(store), ReplaySites.T0, hours(6),
                    Progress.NONE);

            assertThat(window.diagnosisProblem()).isNull();
            assertThat(window.diagnosis().outages()).isNotEmpty();
            assertThat(window.diagnosis().outages()).anySatisfy(outage -> {
                assertThat(outage.cause()).isNotEqualTo(OutageCause.GATEWAY_FAULT);
                assertThat(outage.spans()).extracting(span -> span.meterId()).contains("M-2", "M-3");
            });
            Path page = folder.resolve("reports").resolve("window.html");
            List<Path> written = ReplayReports.write(new ReplayHistory(store), window, null, page);
            assertThat(written).containsExactly(page, folder.resolve("reports").resolve("window.csv"));
            assertThat(Files.readString(page)).contains("<html").contains("M-2");
            assertThat(Files.readString(written.get(1))).contains("M-3");
        }
    }
}
