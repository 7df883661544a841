package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * States no screen leads to now, a history the wrong way round and a site database with no site asked for its
 * revenue, still read in the technician's language should a screen ever meet them; in English as the log reads them.
 */
class RareStatesInTheLanguageTest {

    private static final Instant FIRST = Instant.parse("2026-06-02T00:00:00Z");

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void aHistoryTheWrongWayRoundReadsInFrench() {
        Throwable failure = catchThrowable(() -> new EventHistory(FIRST, FIRST.minusSeconds(60), FIRST));
        String english = Failures.describe(failure);

        I18n.use(Locale.FRENCH);

        assertThat(english).startsWith("A history runs from its first event to its last");
        assertThat(Failures.describe(failure)).startsWith("Un historique va de son premier événement")
                .contains(FIRST.toString());
    }

    @Test
    void aSiteDatabaseWithNoSiteReadsInPortuguese() {
        Throwable failure;
        try (SiteStore store = SiteStore.open(dir.resolve("empty.db"))) {
            failure = catchThrowable(() -> DailyRevenue.of(store, FIRST));
        }

        I18n.use(Locale.forLanguageTag("pt"));

        assertThat(failure).isInstanceOf(IllegalStateException.class);
        assertThat(Failures.describe(failure)).startsWith("A base de dados do site ainda não tem nenhum site");
    }
}
