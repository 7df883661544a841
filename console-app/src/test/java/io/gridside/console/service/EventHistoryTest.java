package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.I18n;
import io.gridside.console.service.EventHistory.Coverage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EventHistoryTest {

    private static final Instant FIRST = Instant.parse("2026-06-01T06:00:00Z");
    private static final Instant LAST = Instant.parse("2026-06-30T20:00:00Z");
    private static final EventHistory JUNE = new EventHistory(FIRST, LAST, null);
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    @Test
    void aWindowBeforeOrAfterTheHistoryOrOfAStoreWithoutEventsIsOutsideIt() {
        assertThat(JUNE.coverage(Instant.parse("2026-05-01T00:00:00Z"), FIRST)).isEqualTo(Coverage.OUTSIDE);
        assertThat(JUNE.coverage(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z")))
                .isEqualTo(Coverage.OUTSIDE);
        assertThat(EventHistory.none().coverage(FIRST, LAST)).isEqualTo(Coverage.NONE_HELD);
        assertThat(JUNE.warning(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"),
                NAIROBI, "The site database")).hasValue("The site database holds events from 2026-06-01 09:00 to "
                        + "2026-06-30 23:00; the window 2026-11-01 03:00 to 2026-11-30 03:00 lies outside that and "
                        + "holds none: the indices say nothing about it.");
        assertThat(EventHistory.none().warning(FIRST, LAST, NAIROBI, "The site database").orElseThrow())
                .contains("holds no events at all");
    }

    @Test
    void theWarningOfAWindowOutsideTheHistoryReadsInTheLanguageInUseAndTheEnglishMatchesTheCommandLine() {
        Instant from = Instant.parse("2026-11-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-30T00:00:00Z");
        try {
            assertThat(JUNE.wordedWarning(from, to, NAIROBI)).isEqualTo(JUNE.warning(from, to, NAIROBI,
                    "The site database"));
            I18n.use(Locale.FRENCH);

            assertThat(JUNE.wordedWarning(from, to, NAIROBI).orElseThrow()).startsWith("La base du site contient")
                    .contains("2026-06-01 09:00", "2026-11-30 03:00").doesNotContain("holds");
            assertThat(JUNE.wordedWarning(Instant.parse("2026-06-02T00:00:00Z"), Instant.parse(
                    "2026-06-03T00:00:00Z"), NAIROBI)).isEmpty();
        } finally {
            I18n.use(Locale.ENGLISH);
        }
    }

    @Test
    void aWindowReachingPastAnEndIsPartlyOutsideUnlessAQuietNightOrALaterPullExplainsIt() {
        assertThat(JUNE.coverage(Instant.parse("2026-05-30T00:00:00Z"), Instant.parse("2026-06-10T00:00:00Z")))
                .isEqualTo(Coverage.PARTLY_OUTSIDE);
        assertThat(JUNE.coverage(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-10T00:00:00Z")))
                .isEqualTo(Coverage.WITHIN);
        assertThat(JUNE.coverage(Instant.parse("2026-06-20T00:00:00Z"), Instant.parse("2026-07-05T00:00:00Z")))
                .isEqualTo(Coverage.PARTLY_OUTSIDE);
        EventHistory pulledLater = new EventHistory(FIRST, LAST, Instant.parse("2026-07-05T00:00:00Z"));
        assertThat(pulledLater.coverage(Instant.parse("2026-06-20T00:00:00Z"), Instant.parse("2026-07-05T00:00:00Z")))
                .isEqualTo(Coverage.WITHIN);
        assertThat(JUNE.warning(FIRST, LAST, NAIROBI, "The site database")).isEmpty();
    }
}
