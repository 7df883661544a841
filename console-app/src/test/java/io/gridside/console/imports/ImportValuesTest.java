package io.gridside.console.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.console.Formats;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Values of imported rows, read exactly: no floating point, no guessing at a time the clocks skipped. */
class ImportValuesTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void readsATimeWithAnOffsetOrInTheSitesZone() throws Exception {
        Instant utc = Instant.parse("2026-06-02T07:15:00Z");

        assertThat(ImportValues.time("2026-06-02T10:15:00+03:00", NAIROBI)).isEqualTo(utc);
        assertThat(ImportValues.time("2026-06-02T07:15:00Z", NAIROBI)).isEqualTo(utc);
        assertThat(ImportValues.time("2026-06-02T10:15", NAIROBI)).as("Nairobi is UTC+3").isEqualTo(utc);
        assertThat(ImportValues.time("2026-06-02 10:15:00", NAIROBI)).isEqualTo(utc);
        assertThat(ImportValues.time("2026-06-02 07:15:00Z", NAIROBI)).isEqualTo(utc);
    }

    @Test
    void readsASiteTimeAsTheConsoleWritesItOnAReceiptWithTheZonesName() throws Exception {
        Instant utc = Instant.parse("2026-06-02T07:15:09Z");

        assertThat(ImportValues.time(Formats.siteSecond(utc, NAIROBI), NAIROBI)).isEqualTo(utc);
        assertThat(ImportValues.time("2026-06-02 10:15:09 EAT", NAIROBI)).isEqualTo(utc);
        assertThat(ImportValues.time("2026-06-02 10:15:09 Africa/Nairobi", NAIROBI)).isEqualTo(utc);
        assertThatThrownBy(() -> ImportValues.time("2026-06-02 10:15:09 CET", NAIROBI)).as("another zone's name")
                .hasMessageContaining("is not a time");
    }

    @Test
    void refusesATimeTheClocksSkippedOrPassedTwiceAndFractionsOfASecond() {
        assertThatThrownBy(() -> ImportValues.time("2026-03-29T02:30", BERLIN)).hasMessageContaining("never happened");
        assertThatThrownBy(() -> ImportValues.time("2026-10-25T02:30", BERLIN)).hasMessageContaining("happened twice");
        assertThatThrownBy(() -> ImportValues.time("2026-06-02T10:15:00.5Z", NAIROBI)).hasMessageContaining(
                "fraction of a second");
        assertThatThrownBy(() -> ImportValues.time("02/06/2026 10:15", NAIROBI)).hasMessageContaining(
                "is not a time");
        assertThatThrownBy(() -> ImportValues.time("", NAIROBI)).hasMessageContaining("empty");
    }

    @Test
    void readsAFixedOffsetTimeInADaylightSavingZone() throws Exception {
        assertThat(ImportValues.time("2026-10-25T02:30:00+01:00", BERLIN))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void readsARegisterToTheWattHour() throws Exception {
        assertThat(ImportValues.registerWh("1234.567")).isEqualTo(1_234_567);
        assertThat(ImportValues.registerWh("0.001")).isEqualTo(1);
        assertThat(ImportValues.registerWh("12")).isEqualTo(12_000);
        assertThat(ImportValues.registerWh("12.5000")).as("trailing zeros say nothing finer").isEqualTo(12_500);
        assertThat(ImportValues.registerWh("999999999999.999")).isEqualTo(999_999_999_999_999L);
    }

    @Test
    void refusesARegisterFinerThanAWattHourOrNotAPlainNumber() {
        assertThatThrownBy(() -> ImportValues.registerWh("1234.5678")).hasMessageContaining("has 4 decimals");
        assertThatThrownBy(() -> ImportValues.registerWh("-1.5")).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> ImportValues.registerWh("1,234.5")).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> ImportValues.registerWh("1e3")).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> ImportValues.registerWh("12 kWh")).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> ImportValues.registerWh("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ImportValues.registerWh("1000000000000")).hasMessageContaining("more kWh");
    }

    @Test
    void readsAnAmountToTheCurrencysMinorUnit() throws Exception {
        assertThat(ImportValues.minorUnits("250.00", "KES", 10_000_000_000L)).isEqualTo(25_000);
        assertThat(ImportValues.minorUnits("250.5", "KES", 10_000_000_000L)).isEqualTo(25_050);
        assertThat(ImportValues.minorUnits("5000", "UGX", 10_000_000_000L)).isEqualTo(5_000);
        assertThat(ImportValues.minorUnits("5000.00", "UGX", 10_000_000_000L)).isEqualTo(5_000);
    }

    @Test
    void refusesAnAmountFinerThanTheMinorUnitNothingOrTooMuch() {
        assertThatThrownBy(() -> ImportValues.minorUnits("250.005", "KES", 10_000_000_000L))
                .hasMessageContaining("has 3 decimals; an amount in KES has at most 2");
        assertThatThrownBy(() -> ImportValues.minorUnits("5000.5", "UGX", 10_000_000_000L))
                .hasMessageContaining("has at most 0");
        assertThatThrownBy(() -> ImportValues.minorUnits("0.00", "KES", 10_000_000_000L)).hasMessageContaining("is 0");
        assertThatThrownBy(() -> ImportValues.minorUnits("100000000.01", "KES", 10_000_000_000L))
                .hasMessageContaining("more than the most one payment");
    }
}
