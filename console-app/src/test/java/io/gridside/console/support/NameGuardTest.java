package io.gridside.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * When the people of a site could not all be read, the logs lose what is written as names and addresses and keep
 * what support reads: the header, the first word, ids, figures, class names and the console's own words.
 */
class NameGuardTest {

    @Test
    void removesNamesAndAddressesAfterTheFirstWordOfTheMessage() {
        String line = "2026-12-05T10:00:08Z INFO [main] i.g.c.Cash - Top-up for Amani Mwembekanari at Plot 17 Mwembe "
                + "Road of 2000 TZS.";

        assertThat(NameGuard.removeNames(line)).isEqualTo("2026-12-05T10:00:08Z INFO [main] i.g.c.Cash - Top-up "
                + "for [removed-name] at [removed-name] of 2000 TZS.");
    }

    @Test
    void keepsIdsFiguresPseudonymsAndStackTraces() {
        String log = String.join("\n",
                "2026-12-05T10:00:00Z INFO [gateway-worker-/127.0.0.1:52902] Pull - Pulled 96 readings of M-1 "
                        + "from GW-1 for person-0a1b2c3d in 1234 ms.",
                "java.lang.IllegalStateException: the ledger's chain broke at 42",
                "\tat io.gridside.site.store.SiteStore.open(SiteStore.java:95)",
                "");

        assertThat(NameGuard.removeNames(log)).isEqualTo(log);
    }

    @Test
    void removesANameThatStandsFirstInAContinuationLineButKeepsTheMessagesFirstWord() {
        String log = "2026-12-05T10:00:00Z WARN [main] Sync - Refused the edit\nof Neema Jirani, kept.";

        assertThat(NameGuard.removeNames(log)).isEqualTo("2026-12-05T10:00:00Z WARN [main] Sync - Refused the edit\n"
                + "of [removed-name], kept.");
    }
}
