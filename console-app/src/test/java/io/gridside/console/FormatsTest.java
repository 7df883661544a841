package io.gridside.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Money, numbers and days read as each of the console's languages writes them, and follow a switch at once. */
class FormatsTest {

    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt");
    private static final Locale SWAHILI = Locale.forLanguageTag("sw");
    /** The narrow no-break space French groups digits with. */
    private static final String NARROW = "\u202f";

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void moneyInEnglishGroupsWithCommasAndPutsTheCodeFirst() {
        I18n.use(Locale.ENGLISH);

        assertThat(Formats.money(123_456_789, "KES")).isEqualTo("KES 1,234,567.89");
        assertThat(Formats.money(-5, "KES")).isEqualTo("KES -0.05");
        assertThat(Formats.money(1_500, "JPY")).isEqualTo("JPY 1,500");
    }

    @Test
    void moneyInFrenchTakesADecimalCommaAndPutsTheCodeAfter() {
        I18n.use(Locale.FRENCH);

        assertThat(Formats.money(123_456_789, "KES")).isEqualTo("1" + NARROW + "234" + NARROW + "567,89 KES");
        assertThat(Formats.money(1_500, "XOF")).isEqualTo("1" + NARROW + "500 XOF");
    }

    @Test
    void moneyInPortugueseGroupsWithPointsAndTakesADecimalComma() {
        I18n.use(PORTUGUESE);

        assertThat(Formats.money(123_456_789, "MZN")).isEqualTo("MZN 1.234.567,89");
    }

    @Test
    void moneyInSwahiliReadsAsInEnglish() {
        I18n.use(SWAHILI);

        assertThat(Formats.money(123_456_789, "TZS")).isEqualTo("TZS 1,234,567.89");
    }

    @Test
    void aCoordinateTakesTheLanguagesDecimalMarkAndNoGrouping() {
        I18n.use(Locale.FRENCH);
        assertThat(Formats.coordinate(-1.05)).isEqualTo("-1,05");
        assertThat(Formats.coordinate(1234.5)).isEqualTo("1234,5");
        I18n.use(PORTUGUESE);
        assertThat(Formats.coordinate(36.7)).isEqualTo("36,7");
        I18n.use(SWAHILI);
        assertThat(Formats.coordinate(-1.2921)).isEqualTo("-1.2921");
        I18n.use(Locale.ENGLISH);
        assertThat(Formats.coordinate(-1.123456789)).isEqualTo("-1.123457");
    }

    @Test
    void aCoordinateReadsBackWithTheLanguagesMarkOrAPoint() {
        I18n.use(Locale.FRENCH);
        assertThat(Formats.parseCoordinate(Formats.coordinate(-1.05))).isEqualTo(-1.05);
        assertThat(Formats.parseCoordinate(" 36.7 ")).isEqualTo(36.7);
        I18n.use(Locale.ENGLISH);
        assertThat(Formats.parseCoordinate("-1.2921")).isEqualTo(-1.2921);
        assertThatThrownBy(() -> Formats.parseCoordinate("-1,05"))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void numbersFollowTheLanguage() {
        I18n.use(Locale.ENGLISH);
        String english = Formats.number(12_345) + " " + Formats.decimal(3.5, 1);
        I18n.use(Locale.FRENCH);
        String french = Formats.number(12_345) + " " + Formats.decimal(3.5, 1);
        I18n.use(PORTUGUESE);
        String portuguese = Formats.number(12_345) + " " + Formats.decimal(3.5, 1);

        assertThat(english).isEqualTo("12,345 3.5");
        assertThat(french).isEqualTo("12" + NARROW + "345 3,5");
        assertThat(portuguese).isEqualTo("12.345 3,5");
    }

    @Test
    void aDayIsWrittenWithItsMonthInTheLanguagesWords() {
        LocalDate day = LocalDate.of(2026, 12, 5);

        I18n.use(Locale.ENGLISH);
        assertThat(Formats.day(day)).isEqualTo("Dec 5, 2026");
        I18n.use(Locale.FRENCH);
        assertThat(Formats.day(day)).isEqualTo("5 déc. 2026");
        I18n.use(PORTUGUESE);
        assertThat(Formats.day(day)).isEqualTo("5 de dez. de 2026");
        I18n.use(SWAHILI);
        assertThat(Formats.day(day)).contains("5", "2026").doesNotContain("Dec");
    }

    @Test
    void dayNamesOfAPatternFollowTheLanguage() {
        Instant saturdayNoon = Instant.parse("2026-12-05T09:00:00Z");
        ZoneId nairobi = ZoneId.of("Africa/Nairobi");

        I18n.use(Locale.ENGLISH);
        assertThat(Formats.pattern("EEE HH:mm").format(saturdayNoon.atZone(nairobi))).isEqualTo("Sat 12:00");
        I18n.use(Locale.FRENCH);
        assertThat(Formats.pattern("EEE HH:mm").format(saturdayNoon.atZone(nairobi))).isEqualTo("sam. 12:00");
    }

    /** The date and time of a site keep the ISO order in every language: a receipt must not be misread. */
    @Test
    void aSiteTimeReadsTheSameInEveryLanguage() {
        Instant at = Instant.parse("2026-12-05T11:30:00Z");
        ZoneId nairobi = ZoneId.of("Africa/Nairobi");
        I18n.use(Locale.ENGLISH);
        String english = Formats.siteTime(at, nairobi);

        for (Locale language : I18n.LANGUAGES) {
            I18n.use(language);
            assertThat(Formats.siteTime(at, nairobi)).as(language.toString()).isEqualTo(english)
                    .startsWith("2026-12-05 14:30");
        }
    }

    @Test
    void aDatePickerReadsAndWritesTheIsoDayInEveryLanguage() {
        I18n.use(Locale.FRENCH);
        var days = Formats.pickerDays();

        assertThat(days.toString(LocalDate.of(2026, 6, 3))).isEqualTo("2026-06-03");
        assertThat(days.fromString(" 2026-06-03 ")).isEqualTo(LocalDate.of(2026, 6, 3));
        assertThat(days.fromString("03/06/2026")).isNull();
        assertThat(days.fromString("")).isNull();
    }

    @Test
    void byteCountsReadInTheLanguagesUnitsAndDecimalMark() {
        assertThat(Formats.bytes(520)).isEqualTo("520 B");
        assertThat(Formats.bytes(8 * 1024)).isEqualTo("8 KiB");
        assertThat(Formats.bytes(3 * 1024 * 1024 / 2)).isEqualTo("1.5 MiB");

        I18n.use(Locale.FRENCH);
        assertThat(Formats.bytes(520)).isEqualTo("520 o");
        assertThat(Formats.bytes(3 * 1024 * 1024 / 2)).isEqualTo("1,5 Mio");
    }
}
