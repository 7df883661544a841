package io.gridside.billing;

import static io.gridside.billing.Fixtures.NAIROBI;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Schedules.SINCE_JANUARY;
import static io.gridside.billing.Schedules.cents;
import static io.gridside.billing.Schedules.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A site whose customers are on different tariffs: each is rated with their own, the replay of the gateway's
 * ledger rates the same way, a pushed version re-rates only its own tariff's customers, and a site of one tariff
 * bills and describes itself as before.
 */
class CustomerTariffsTest {

    private static final Tariff SITE = new Tariff("home", "KES", 0, 0, Fixtures.LOW_CREDIT);
    private static final List<Meter> METERS = List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70),
            new Meter("M-2", "S-2", "C-2", "GW-1", -70), new Meter("M-3", "S-3", "C-3", "GW-1", -70));
    /** Twelve hours of quarter hours from noon: the site day ends at the 48th tick. */
    private static final int TICKS = 50;

    private static TariffSchedule tariff(String id, long centsPerKwh, long standingMinor) {
        return new TariffSchedule(id, "KES", List.of(new TariffVersion(SINCE_JANUARY, "KES",
                List.of(open(cents(centsPerKwh))), null, List.of(),
                new StandingCharge(Period.DAILY, standingMinor, null), null, List.of(), null)));
    }

    private static Rater rater(TariffSchedule schedule) {
        return new Rater(schedule, NAIROBI, day -> false);
    }

    private static final TariffSchedule HOME = tariff("home", 20, 10);
    private static final TariffSchedule SHOP = tariff("shop", 50, 40);

    /** C-2 on the shop tariff; C-1 and C-3 on the site's default, the home tariff. */
    private static CustomerTariffs shopForC2() {
        return new CustomerTariffs(List.of(rater(SHOP)), Map.of("C-2", "shop"));
    }

    private static BillingEngine engine(CustomerTariffs customers) {
        return new BillingEngine(SITE, rater(HOME), LedgerStore.inMemory()).ratingCustomersBy(customers);
    }

    /** Every customer opened at noon with 10,000 and drawing 1 kWh a quarter hour, ticked {@link #TICKS} times. */
    private static List<Reading> bill(BillingEngine engine) {
        for (Meter meter : METERS) {
            engine.openAccount(meter.customerId(), meter.meterId(), 10_000, NOON);
        }
        List<Reading> all = new ArrayList<>();
        Map<String, Long> registers = new HashMap<>();
        for (int n = 1; n <= TICKS; n++) {
            Instant end = Fixtures.quarters(NOON, n);
            List<Reading> tick = new ArrayList<>();
            for (Meter meter : METERS) {
                long register = registers.merge(meter.meterId(), 1_000L, Long::sum);
                tick.add(new Reading(meter.meterId(), end.minus(Reading.INTERVAL), 1_000, register));
            }
            engine.tick(end, List.of(), tick);
            all.addAll(tick);
        }
        return all;
    }

    private static long posted(BillingEngine engine, String customerId, EntryKind kind) {
        return engine.ledgerAfter(0).stream().filter(e -> e.customerId().equals(customerId) && e.kind() == kind)
                .mapToLong(LedgerEntry::amountMinor).sum();
    }

    @Test
    void ratesEachCustomerWithTheScheduleOfTheirOwnTariff() {
        BillingEngine engine = engine(shopForC2());

        bill(engine);

        // 50 kWh each: the home tariff's 20 cents a kWh and 10 a day, the shop tariff's 50 cents and 40 a day.
        assertThat(posted(engine, "C-1", EntryKind.STANDING_CHARGE)).isEqualTo(-20);
        assertThat(posted(engine, "C-2", EntryKind.STANDING_CHARGE)).isEqualTo(-80);
        assertThat(10_000 - engine.balance("C-1") + posted(engine, "C-1", EntryKind.STANDING_CHARGE))
                .isEqualTo(50 * 20);
        assertThat(10_000 - engine.balance("C-2") + posted(engine, "C-2", EntryKind.STANDING_CHARGE))
                .isEqualTo(50 * 50);
        assertThat(engine.balance("C-3")).isEqualTo(engine.balance("C-1"));
        assertThat(engine.raterOf("C-2").schedule().tariffId()).isEqualTo("shop");
        assertThat(engine.raterOf("C-1")).isSameAs(engine.rater());
    }

    @Test
    void theReplayRatesEachCustomerAsTheGatewayDid() {
        BillingEngine gateway = engine(shopForC2());
        List<Reading> readings = bill(gateway);
        List<LedgerEntry> ledger = gateway.ledgerAfter(0);

        BillingEngine replay = Replay.run(SITE, rater(HOME), shopForC2(), CreditTerms.PLAIN, METERS, ledger,
                readings, List.of(), List.of());
        BillingEngine oneTariff = Replay.run(SITE, rater(HOME), CreditTerms.PLAIN, METERS, ledger, readings,
                List.of());

        assertThat(replay.ledgerAfter(0)).isEqualTo(ledger);
        assertThat(Reconciliation.of(ledger, replay).agrees()).isTrue();
        assertThat(Reconciliation.of(ledger, oneTariff).agrees()).isFalse();
    }

    @Test
    void aSiteOfOneTariffBillsAsBefore() {
        BillingEngine before = new BillingEngine(SITE, rater(HOME), LedgerStore.inMemory());
        BillingEngine now = engine(CustomerTariffs.NONE);

        bill(before);
        bill(now);

        assertThat(now.ledgerAfter(0)).isEqualTo(before.ledgerAfter(0));
        assertThat(now.ledgerAfter(0)).isNotEmpty();
    }

    @Test
    void aPushedVersionReplacesOnlyTheTariffItNames() {
        BillingEngine engine = engine(shopForC2());
        TariffSchedule dearerShop = tariff("shop", 90, 40);

        engine.rateWith(rater(dearerShop));

        assertThat(engine.raterOf("C-2").schedule()).isEqualTo(dearerShop);
        assertThat(engine.rater().schedule()).isEqualTo(HOME);
        assertThat(engine.pushReaches("C-2", "shop")).isTrue();
        assertThat(engine.pushReaches("C-1", "shop")).isFalse();
        assertThat(engine.pushReaches("C-1", "home")).isTrue();
        assertThat(engine.pushReaches("C-2", "home")).isFalse();
    }

    @Test
    void theBillingConfigurationCarriesTheOtherTariffsAndWhoIsOnEach() {
        BillingConfig config = BillingConfig.perCustomer(Map.of("home", HOME, "shop", SHOP),
                Map.of("C-1", "home", "C-2", "shop", "C-3", "home"), CreditTerms.PLAIN);

        BillingConfig decoded = BillingConfigDocument.decode(BillingConfigDocument.encode(config));

        assertThat(decoded).isEqualTo(config);
        assertThat(decoded.schedule()).isEqualTo(HOME);
        assertThat(decoded.tariffOfCustomer()).containsExactly(Map.entry("C-2", "shop"));
        assertThat(decoded.scheduleOf("C-2")).isEqualTo(SHOP);
        assertThat(decoded.scheduleOf("C-3")).isEqualTo(HOME);
        assertThat(decoded.customerTariffs(NAIROBI).raterOf("C-2", null).schedule()).isEqualTo(SHOP);
    }

    @Test
    void theDocumentOfASiteOfOneTariffHasNoOtherTariffs() {
        BillingConfig one = new BillingConfig(HOME, CreditTerms.PLAIN);
        BillingConfig allHome = BillingConfig.perCustomer(Map.of("home", HOME, "shop", SHOP),
                Map.of("C-1", "home", "C-3", "home"), CreditTerms.PLAIN);

        byte[] document = BillingConfigDocument.encode(one);

        assertThat(new String(document, StandardCharsets.ISO_8859_1)).doesNotContain("otherTariffs")
                .doesNotContain("customerTariffs");
        assertThat(BillingConfigDocument.encode(allHome)).isEqualTo(document);
        assertThat(one.customerTariffs(NAIROBI)).isSameAs(CustomerTariffs.NONE);
    }

    @Test
    void refusesACustomerOnATariffTheSiteDoesNotHave() {
        assertThatThrownBy(() -> BillingConfig.perCustomer(Map.of("home", HOME),
                Map.of("C-1", "home", "C-2", "shop"), CreditTerms.PLAIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shop");
        assertThatThrownBy(() -> new CustomerTariffs(List.of(rater(HOME)), Map.of("C-2", "shop")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C-2");
    }
}
