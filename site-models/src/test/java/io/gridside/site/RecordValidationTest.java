package io.gridside.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The domain records refuse bad input when built, and say which field broke which rule. */
class RecordValidationTest {

    private static final Instant QUARTER = Instant.parse("2024-03-05T07:15:00Z");
    private static final String ID_RULE = " must be 1-64 letters, digits or . _ : -";

    static Stream<Arguments> badInput() {
        return Stream.of(
                rejects("Reading off the quarter hour", "intervalStart must fall on a quarter hour",
                        () -> new Reading("M-1", Instant.parse("2024-03-05T07:07:00Z"), 0, 0)),
                rejects("Reading one second past the quarter hour", "intervalStart must fall on a quarter hour",
                        () -> new Reading("M-1", QUARTER.plusSeconds(1), 0, 0)),
                rejects("Reading a fraction of a second past the quarter hour",
                        "intervalStart must fall on a quarter hour",
                        () -> new Reading("M-1", QUARTER.plusMillis(500), 0, 0)),
                rejects("Reading without an interval", "intervalStart", () -> new Reading("M-1", null, 0, 0)),
                rejects("Reading of negative energy", "energyWh must be between 0 and registerWh",
                        () -> new Reading("M-1", QUARTER, -1, 10)),
                rejects("Reading whose register is below its energy", "energyWh must be between 0 and registerWh",
                        () -> new Reading("M-1", QUARTER, 11, 10)),
                rejects("Reading of a meter without id", "meterId" + ID_RULE, () -> new Reading(null, QUARTER, 0, 0)),
                rejects("Reading whose peak power is below its mean", "peakWatts must be at least the interval's mean",
                        () -> new Reading("M-1", QUARTER, 100, 500, new Reading.Quality(2_200, 2_250, 2_300, 395))),
                rejects("Quality whose minimum voltage is above its average", "voltages must satisfy",
                        () -> new Reading.Quality(2_260, 2_250, 2_300, 100)),
                rejects("Quality whose average voltage is above its maximum", "voltages must satisfy",
                        () -> new Reading.Quality(2_200, 2_350, 2_300, 100)),
                rejects("Quality of a negative voltage", "voltages must satisfy",
                        () -> new Reading.Quality(-1, 2_250, 2_300, 100)),
                rejects("Quality of an impossible voltage", "voltages must satisfy",
                        () -> new Reading.Quality(2_200, 2_250, 5_001, 100)),
                rejects("Quality of a negative peak", "peakWatts must not be negative",
                        () -> new Reading.Quality(2_200, 2_250, 2_300, -1)),
                rejects("Meter with RSSI above 0 dBm", "rssiDbm must be between -140 and 0",
                        () -> new Meter("M-1", "S-1", "C-1", "GW-1", 1)),
                rejects("Meter with RSSI below -140 dBm", "rssiDbm must be between -140 and 0",
                        () -> new Meter("M-1", "S-1", "C-1", "GW-1", -141)),
                rejects("Meter without parent", "parentId", () -> new Meter("M-1", "S-1", "C-1", null, -70)),
                rejects("Meter with a blank serial", "serial" + ID_RULE, () -> new Meter("M-1", "", "C-1", "GW", -70)),
                rejects("Meter of a bad customer id", "customerId" + ID_RULE,
                        () -> new Meter("M-1", "S-1", "C 1", "GW-1", -70)),
                rejects("Tariff in a made-up currency", "currency must be an ISO 4217 code",
                        () -> new Tariff("T-1", "KSH", 2_500, 1_000, 5_000)),
                rejects("Tariff in a lower-case currency", "currency must be an ISO 4217 code",
                        () -> new Tariff("T-1", "kes", 2_500, 1_000, 5_000)),
                rejects("Tariff without currency", "currency must be an ISO 4217 code",
                        () -> new Tariff("T-1", null, 2_500, 1_000, 5_000)),
                rejects("Tariff with a negative energy price", "energyMinorPerKwh must not be negative",
                        () -> new Tariff("T-1", "KES", -1, 1_000, 5_000)),
                rejects("Tariff with a negative standing charge", "standingMinorPerDay must not be negative",
                        () -> new Tariff("T-1", "KES", 2_500, -1, 5_000)),
                rejects("Tariff with a negative low-credit line", "lowCreditMinor must not be negative",
                        () -> new Tariff("T-1", "KES", 2_500, 1_000, -1)),
                rejects("TopUp of nothing", "amountMinor must be positive",
                        () -> new TopUp("P-1", "C-1", 0, QUARTER)),
                rejects("TopUp of a negative amount", "amountMinor must be positive",
                        () -> new TopUp("P-1", "C-1", -100, QUARTER)),
                rejects("TopUp without time", "at", () -> new TopUp("P-1", "C-1", 100, null)),
                rejects("TopUp with a reference starting with a dash", "reference" + ID_RULE,
                        () -> new TopUp("-P1", "C-1", 100, QUARTER)),
                rejects("LedgerEntry numbered 0", "seq must be positive",
                        () -> new LedgerEntry(0, QUARTER, "C-1", EntryKind.TOP_UP, 100, 100, "payment:P-1")),
                rejects("LedgerEntry without kind", "kind",
                        () -> new LedgerEntry(1, QUARTER, "C-1", null, 100, 100, "payment:P-1")),
                rejects("LedgerEntry without reference", "reference",
                        () -> new LedgerEntry(1, QUARTER, "C-1", EntryKind.TOP_UP, 100, 100, null)),
                rejects("SiteInfo without zone", "zone", () -> new SiteInfo("SITE-1", "Kilimo", "KES", null)),
                rejects("SiteInfo with a slash in its id", "siteId" + ID_RULE,
                        () -> new SiteInfo("SITE/1", "Kilimo", "KES", ZoneId.of("Africa/Nairobi"))),
                rejects("Customer without category", "category", () -> new Customer("C-1", "Amina", null)),
                rejects("RelayDecision without relay state", "relay",
                        () -> new RelayDecision("M-1", "C-1", QUARTER, null, "credit-exhausted")),
                rejects("MeterStatus in a made-up currency", "currency must be an ISO 4217 code",
                        () -> new MeterStatus("M-1", "C-1", "Amina", 0, "XYZ", null, 0, -70, "GW-1",
                                RelayState.ON, CreditState.ACTIVE)));
    }

    private static Arguments rejects(String input, String messageStart, ThrowingCallable construction) {
        return Arguments.of(Named.of(input, construction), messageStart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void rejectsBadInputNamingTheField(ThrowingCallable construction, String messageStart) {
        assertThatThrownBy(construction)
                .isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class)
                .hasMessageStartingWith(messageStart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " M-1", "M-1 ", "-M1", ".M1", "M/1", "M 1", "Mä1"})
    void rejectsIdsOutsideTheAllowedCharacters(String id) {
        assertThatThrownBy(() -> new Customer(id, "Amina", CustomerCategory.HOUSEHOLD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customerId" + ID_RULE)
                .hasMessageEndingWith("'" + id + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C", "7", "c-01.site_3:x", "C0", "C.", "C_", "C:", "C-"})
    void acceptsIdsOfAllowedCharacters(String id) {
        assertThat(new Customer(id, "Amina", CustomerCategory.HOUSEHOLD).customerId()).isEqualTo(id);
    }

    @Test
    void acceptsIdOfSixtyFourCharacters() {
        String id = "A".repeat(64);

        assertThat(new Customer(id, "Amina", CustomerCategory.HOUSEHOLD).customerId()).isEqualTo(id);
    }

    @Test
    void rejectsIdOfSixtyFiveCharacters() {
        String id = "A".repeat(65);

        assertThatThrownBy(() -> new Customer(id, "Amina", CustomerCategory.HOUSEHOLD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customerId" + ID_RULE);
    }

    @Test
    void acceptsTheRssiLimitsThemselves() {
        assertThatCode(() -> new Meter("M-1", "S-1", "C-1", "GW-1", -140)).doesNotThrowAnyException();
        assertThatCode(() -> new Meter("M-1", "S-1", "C-1", "GW-1", 0)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAReadingOfNoEnergyAndARegisterEqualToItsEnergy() {
        assertThatCode(() -> new Reading("M-1", QUARTER, 0, 0)).doesNotThrowAnyException();
        assertThatCode(() -> new Reading("M-1", QUARTER, 250, 250)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAPeakOneRegisterStepBelowTheMeanPower() {
        // 100 Wh in a quarter hour is 400 W on average, but the register may read up to 1 Wh above what flowed.
        Reading.Quality quality = new Reading.Quality(2_200, 2_250, 2_300, 396);

        assertThatCode(() -> new Reading("M-1", QUARTER, 100, 500, quality)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnIntervalWhoseSupplyWasLost() {
        assertThatCode(() -> new Reading.Quality(0, 1_900, 2_310, 0)).doesNotThrowAnyException();
    }

    @Test
    void aReadingOfEnergyAloneHasNoQuality() {
        assertThat(new Reading("M-1", QUARTER, 120, 5_000).quality()).isNull();
    }

    @Test
    void acceptsAFreeTariff() {
        assertThatCode(() -> new Tariff("T-0", "UGX", 0, 0, 0)).doesNotThrowAnyException();
    }

    @Test
    void acceptsChargesAndOverdrawnBalancesInTheLedger() {
        LedgerEntry charge = new LedgerEntry(7, QUARTER, "C-1", EntryKind.ENERGY, -1_250, -300, "interval:x");

        assertThat(charge.amountMinor()).isEqualTo(-1_250);
        assertThat(charge.balanceAfterMinor()).isEqualTo(-300);
    }
}
