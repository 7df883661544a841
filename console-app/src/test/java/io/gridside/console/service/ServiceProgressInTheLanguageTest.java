package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.Sentence;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service reports its progress as sentences, so that the task list words a running task's line again after a
 * language switch; a receiver that reads only text gets the words of the moment, as the command line does.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServiceProgressInTheLanguageTest {

    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aPullReportsSentencesThatReadInFrenchAfterASwitch() throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        Progress heard = new Progress() {
            @Override
            public void update(String message, long done, long total) {
                plain.add(message);
            }

            @Override
            public void update(Sentence message, long done, long total) {
                sentences.add(message);
            }
        };
        try (SimulatedSite site = SimulatedSite.start(new SiteSpec(20, 42, 2, NOW), SimClock.manual(NOW));
                SiteStore store = SiteStore.open(dir.resolve("site.db"));
                GatewayClient client = PulledSite.supervisor(site.listenTcp(0), "site-42", NOW)) {
            SitePull.run(client, store, NOW.minus(Duration.ofDays(1)), NOW, heard, CancelSignal.NEVER);
        }
        List<String> english = sentences.stream().map(Sentence::text).toList();

        I18n.use(Locale.FRENCH);

        assertThat(plain).isEmpty();
        assertThat(english).contains("Pulling readings", "Pulling the ledger");
        assertThat(sentences.stream().map(Sentence::text)).contains("Récupération des relevés",
                "Récupération du grand livre").doesNotContainAnyElementsOf(english);
    }

    @Test
    void aReceiverOfTextAloneReadsTheWordsOfTheMoment() {
        List<String> heard = new ArrayList<>();
        Progress text = (message, done, total) -> heard.add(message);
        I18n.use(Locale.FRENCH);

        text.update(Sentence.of("pull.ledger"), 1, 2);

        assertThat(heard).containsExactly("Récupération du grand livre");
    }
}
