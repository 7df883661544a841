package io.gridside.site.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.Tariff;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every problem of a tariff is named by the field that holds it, so it can be fixed without guessing. */
class TariffValidatorTest {

    private static final LocalDateTime JANUARY = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final LocalDateTime MARCH_NOON = LocalDateTime.of(2024, 3, 5, 12, 0);

    /** Off-peak, peak 18:00-22:00 and off-peak again on weekdays; one band each at weekends. */
    private static final List<TouBand> FULL_DAY = List.of(
            new TouBand(DayType.WEEKDAY, "00:00", "18:00", 0),
            new TouBand(DayType.WEEKDAY, "18:00", "22:00", 400_000),
            new TouBand(DayType.WEEKDAY, "22:00", "24:00", 0),
            new TouBand(DayType.SATURDAY, "00:00", "24:00", 0),
            new TouBand(DayType.SUNDAY_OR_HOLIDAY, "00:00", "24:00", 0));

    @Test
    void acceptsABlockAndTimeOfUseTariffWithEveryLine() {
        TariffVersion version = new TariffVersion(JANUARY, "KES",
                List.of(new Block(30_000L, 10_000_000, true), new Block(null, 25_000_000, false)), Period.MONTHLY,
                FULL_DAY, new StandingCharge(Period.MONTHLY, 20_000, 1), 50_000L,
                List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null),
                        new ChargeLine("REA", ChargeLine.Kind.LEVY, null, 500_000L)), 250);

        assertThat(TariffValidator.problems(schedule(version))).isEmpty();
    }

    @Test
    void namesAnOverlappingBand() {
        List<TouBand> bands = List.of(new TouBand(DayType.WEEKDAY, "00:00", "19:00", 0),
                new TouBand(DayType.WEEKDAY, "18:00", "24:00", 0), FULL_DAY.get(3), FULL_DAY.get(4));

        assertThat(problems(withBands(bands))).containsExactly(
                "versions[0].tou[1]: overlaps tou[0] on WEEKDAY at 18:00");
    }

    @Test
    void namesTheHoursNoBandCovers() {
        List<TouBand> bands = List.of(FULL_DAY.get(0), FULL_DAY.get(1), FULL_DAY.get(3), FULL_DAY.get(4));

        assertThat(problems(withBands(bands))).containsExactly(
                "versions[0].tou: no band covers WEEKDAY from 22:00 to 24:00");
    }

    @Test
    void namesABandThatEndsBeforeItStartsOrOffTheQuarterHour() {
        List<TouBand> bands = List.of(FULL_DAY.get(0), FULL_DAY.get(1),
                new TouBand(DayType.WEEKDAY, "22:00", "21:00", 0), new TouBand(DayType.SATURDAY, "00:10", "24:00", 0),
                FULL_DAY.get(4));

        assertThat(problems(withBands(bands))).containsExactly(
                "versions[0].tou[2].to: must be after from 22:00, was 21:00",
                "versions[0].tou[3].from: must be a time HH:MM on the quarter hour, was 00:10",
                "versions[0].tou: no band covers WEEKDAY from 22:00 to 24:00",
                "versions[0].tou: no band covers SATURDAY from 00:00 to 24:00");
    }

    @Test
    void namesNegativePrices() {
        TariffVersion version = new TariffVersion(JANUARY, "KES", List.of(new Block(null, -1, false)), null,
                List.of(), new StandingCharge(Period.DAILY, -5, null), -1L,
                List.of(new ChargeLine("REA", ChargeLine.Kind.LEVY, null, -2L)), null);

        assertThat(problems(schedule(version))).containsExactly(
                "versions[0].blocks[0].price: must not be negative, was -1",
                "versions[0].standing.amountMinor: must not be negative, was -5",
                "versions[0].minimumMonthlyMinor: must not be negative, was -1",
                "versions[0].charges[0].price: must not be negative, was -2");
    }

    @Test
    void namesFiguresTooLargeToRateWithout() {
        TariffVersion version = new TariffVersion(JANUARY, "KES", List.of(new Block(null, Long.MAX_VALUE, false)),
                null, List.of(), new StandingCharge(Period.DAILY, 10_000_000_001L, null), Long.MAX_VALUE,
                List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_000_000_000_000L, null)), null);

        assertThat(problems(schedule(version))).containsExactly(
                "versions[0].blocks[0].price: must be at most 1000000000000, was " + Long.MAX_VALUE,
                "versions[0].standing.amountMinor: must be at most 10000000000, was 10000000001",
                "versions[0].minimumMonthlyMinor: must be at most 10000000000, was " + Long.MAX_VALUE,
                "versions[0].charges[0].basisPoints: must be at most 100000, was 1000000000000");
    }

    @Test
    void namesBlocksOutOfOrder() {
        TariffVersion version = new TariffVersion(JANUARY, "KES", List.of(new Block(50_000L, 1, true),
                new Block(30_000L, 2, false), new Block(null, 3, false)), Period.DAILY, List.of(), null, null,
                List.of(), null);

        assertThat(problems(schedule(version))).containsExactly(
                "versions[0].blocks[1].upToWh: must be above the previous block's end 50000 Wh (blocks are listed in "
                        + "order), was 30000");
    }

    @Test
    void namesAVersionInAnotherCurrencyAndVersionsOutOfOrder() {
        TariffVersion later = flat(MARCH_NOON, "KES");
        TariffVersion earlierInShillings = flat(JANUARY, "UGX");

        assertThat(problems(schedule(later, earlierInShillings))).containsExactly(
                "versions[1].effectiveFrom: must be after the previous version's 2024-03-05T12:00 (versions are "
                        + "listed oldest first), was 2024-01-01T00:00",
                "versions[1].currency: must be the tariff's currency KES, was UGX");
    }

    @Test
    void namesAMonthlyChargeWithoutADueDayEveryMonthHas() {
        TariffVersion version = new TariffVersion(JANUARY, "KES", List.of(new Block(null, 1, false)), null,
                List.of(), new StandingCharge(Period.MONTHLY, 100, 31), null, List.of(), null);

        assertThat(problems(schedule(version))).containsExactly(
                "versions[0].standing.dueDay: must be a day of the month from 1 to 28, was 31");
    }

    @Test
    void namesATaxLineWithBothAPercentageAndAPrice() {
        TariffVersion version = new TariffVersion(JANUARY, "KES", List.of(new Block(null, 1, false)), null,
                List.of(), null, null, List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, 5L)), null);

        assertThat(problems(schedule(version))).containsExactly(
                "versions[0].charges[0]: must have either basisPoints (a percentage) or price (per kWh), not both");
    }

    @Test
    void namesALifelinePowerLimitThatIsNotPositiveAndALifelineBlockThatIsNotFirst() {
        TariffVersion version = new TariffVersion(JANUARY, "KES",
                List.of(new Block(1_000L, 1, false), new Block(null, 2, true)), Period.DAILY, List.of(), null, null,
                List.of(), 0);

        assertThat(problems(schedule(version))).containsExactly(
                "versions[0].blocks[1].lifeline: only the first block can be a lifeline block",
                "versions[0].lifelinePowerLimitWatts: must be positive, was 0");
    }

    @Test
    void theFlatTariffOfTheSiteReplyIsAValidSchedule() {
        TariffSchedule flat = TariffSchedule.flat(new Tariff("flat-kes", "KES", 2_500, 1_000, 0));

        assertThat(TariffValidator.problems(flat)).isEmpty();
        assertThat(flat.versionAt(MARCH_NOON).blocks()).containsExactly(new Block(null, 25_000_000, false));
    }

    private static TariffVersion flat(LocalDateTime from, String currency) {
        return new TariffVersion(from, currency, List.of(new Block(null, 1, false)), null, List.of(), null, null,
                List.of(), null);
    }

    private static TariffSchedule withBands(List<TouBand> bands) {
        return schedule(new TariffVersion(JANUARY, "KES", List.of(new Block(null, 0, false)), null, bands, null,
                null, List.of(), null));
    }

    private static TariffSchedule schedule(TariffVersion... versions) {
        return new TariffSchedule("test-kes", "KES", List.of(versions));
    }

    private static List<String> problems(TariffSchedule schedule) {
        return TariffValidator.problems(schedule).stream().map(TariffProblem::toString).toList();
    }
}
