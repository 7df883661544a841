package io.gridside.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The site calendar's grace times, and its file form read and written back. */
class SiteCalendarTest {

    private static final SiteCalendar CALENDAR = SiteCalendar.parse("""
            # Kisumu mini-grid
            night 18:00-07:00
            weekend SATURDAY SUNDAY
            holiday 2026-04-03 Good Friday
            every-year 12-25 Christmas
            """);

    @Test
    void countsANightAcrossMidnightAsGraceOnBothSides() {
        assertThat(CALENDAR.isGrace(LocalDateTime.parse("2026-06-02T18:00"))).isTrue();
        assertThat(CALENDAR.isGrace(LocalDateTime.parse("2026-06-03T06:59"))).isTrue();
        assertThat(CALENDAR.isGrace(LocalDateTime.parse("2026-06-03T07:00"))).isFalse();
        assertThat(CALENDAR.isGrace(LocalDateTime.parse("2026-06-02T17:59"))).isFalse();
    }

    @Test
    void countsWeekendsDatedHolidaysAndYearlyHolidaysAsDaysOff() {
        assertThat(CALENDAR.isGrace(LocalDateTime.parse("2026-06-06T12:00"))).isTrue();  // a Saturday
        assertThat(CALENDAR.isGrace(LocalDateTime.parse("2026-04-03T12:00"))).isTrue();
        assertThat(CALENDAR.isGrace(LocalDateTime.parse("2031-12-25T12:00"))).isTrue();
        assertThat(CALENDAR.isGrace(LocalDateTime.parse("2027-04-03T12:00"))).isTrue();  // a Saturday again
        assertThat(CALENDAR.isGrace(LocalDateTime.parse("2026-04-02T12:00"))).isFalse();
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(SiteCalendar.parse(CALENDAR.format())).isEqualTo(CALENDAR);
        assertThat(SiteCalendar.parse(SiteCalendar.NONE.format())).isEqualTo(SiteCalendar.NONE);
    }

    @Test
    void namesTheLineOfABadRule() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SiteCalendar.parse("night 18:00-07:00\nholday 2026-01-01"))
                .withMessageStartingWith("Site calendar line 2: 'holday' is not a rule");
        assertThatIllegalArgumentException().isThrownBy(() -> SiteCalendar.parse("holiday 2026-02-30"))
                .withMessageStartingWith("Site calendar line 1:");
    }
}
