package io.gridside.billing;

import static io.gridside.billing.Fixtures.LOW_CREDIT;
import static io.gridside.billing.Fixtures.NOON;
import static io.gridside.billing.Fixtures.decisionsOf;
import static io.gridside.billing.Fixtures.engine;
import static io.gridside.billing.Fixtures.ofKind;
import static io.gridside.billing.Fixtures.quarters;
import static io.gridside.billing.Fixtures.reading;
import static io.gridside.billing.Fixtures.topUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gridside.site.CreditState;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.RelayDecision;
import io.gridside.site.RelayState;
import io.gridside.site.TopUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer's relay follows their credit: off once it is used up, on again once a payment restores it. */
class CreditTest {

    private BillingEngine engine;
    private final List<Tick> ticks = new ArrayList<>();
    private int quarter;

    @BeforeEach
    void openAccount() {
        // One cent per Wh and no standing charge keep each test's arithmetic in view.
        engine = engine(1_000, 0);
        engine.openAccount("C-1", "M-1", 500, NOON);
    }

    @Test
    void turnsTheRelayOffOnceWhenTheBalanceReachesZero() {
        consume(300);
        consume(200);
        consume(50);
        consume(0);

        assertThat(engine.balance("C-1")).isEqualTo(-50);
        assertThat(decisionsOf(ticks)).singleElement().isEqualTo(
                new RelayDecision("M-1", "C-1", quarters(NOON, 2), RelayState.OFF, "credit-exhausted"));
        assertThat(engine.relay("C-1")).isEqualTo(RelayState.OFF);
        assertThat(engine.creditState("C-1")).isEqualTo(CreditState.DISCONNECTED);
    }

    @Test
    void turnsTheRelayOffWhenAChargeOvershootsBelowZero() {
        consume(750);

        assertThat(engine.balance("C-1")).isEqualTo(-250);
        assertThat(decisionsOf(ticks)).extracting(RelayDecision::relay).containsExactly(RelayState.OFF);
    }

    @Test
    void turnsTheRelayOnOnceWhenAPaymentLiftsTheBalanceAboveZero() {
        consume(650);

        pay("MP-1", 100);
        Instant liftedAt = pay("MP-2", 51);
        pay("MP-3", 1_000);

        assertThat(engine.balance("C-1")).isEqualTo(-150 + 100 + 51 + 1_000);
        assertThat(decisionsOf(ticks)).containsExactly(
                new RelayDecision("M-1", "C-1", quarters(NOON, 1), RelayState.OFF, "credit-exhausted"),
                new RelayDecision("M-1", "C-1", liftedAt, RelayState.ON, "topped-up"));
        assertThat(engine.relay("C-1")).isEqualTo(RelayState.ON);
    }

    @Test
    void keepsTheRelayOffWhenAPaymentOnlyBringsTheBalanceToZero() {
        consume(650);

        pay("MP-1", 150);

        assertThat(engine.balance("C-1")).isZero();
        assertThat(decisionsOf(ticks)).extracting(RelayDecision::relay).containsExactly(RelayState.OFF);
        assertThat(engine.relay("C-1")).isEqualTo(RelayState.OFF);
    }

    @Test
    void creditsAPaymentReferenceOnceHoweverOftenItArrives() {
        TopUp payment = topUp("MP-7", "C-1", 2_000, quarters(NOON, 1).minusSeconds(30));

        engine.tick(quarters(NOON, 1), List.of(payment, payment), List.of());
        engine.tick(quarters(NOON, 2), List.of(payment), List.of());
        engine.tick(quarters(NOON, 3), List.of(topUp("MP-7", "C-1", 9_999, quarters(NOON, 3))), List.of());

        assertThat(engine.balance("C-1")).isEqualTo(500 + 2_000);
        assertThat(ofKind(engine.ledgerAfter(0), EntryKind.TOP_UP)).singleElement()
                .extracting(LedgerEntry::reference).isEqualTo("payment:MP-7");
    }

    @Test
    void postsAPaymentAtTheTickWhenItsTimeLiesAfterTheTick() {
        // A payment stamped by a clock running ahead must not appear in the ledger before entries of the tick.
        Instant end = quarters(NOON, 1);

        Tick tick = engine.tick(end, List.of(topUp("MP-1", "C-1", 100, end.plusSeconds(120))), List.of());

        assertThat(ofKind(tick.entries(), EntryKind.TOP_UP)).singleElement()
                .extracting(LedgerEntry::at).isEqualTo(end);
    }

    @Test
    void refusesAPaymentOfACustomerWithoutAccount() {
        TopUp stranger = topUp("MP-1", "C-9", 100, NOON);

        assertThatIllegalArgumentException().isThrownBy(() -> engine.tick(quarters(NOON, 1), List.of(stranger),
                List.of())).withMessageContaining("C-9");
    }

    @Test
    void creditStateIsLowUnderTheThresholdAndDisconnectedAtZero() {
        BillingEngine site = engine(1_000, 0);
        site.openAccount("C-1", "M-1", LOW_CREDIT, NOON);
        site.openAccount("C-2", "M-2", LOW_CREDIT - 1, NOON);
        site.openAccount("C-3", "M-3", 1, NOON);
        site.openAccount("C-4", "M-4", 0, NOON);

        assertThat(List.of("C-1", "C-2", "C-3", "C-4")).map(site::creditState).containsExactly(
                CreditState.ACTIVE, CreditState.LOW, CreditState.LOW, CreditState.DISCONNECTED);
    }

    /**
     * Over any history, each tick leaves every relay on exactly when its balance is above zero, and each
     * customer's decisions alternate off, on, off, and so on, since a relay starts on.
     */
    @Property(tries = 40)
    void relaysFollowTheBalanceAfterEveryTick(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int customers) {
        SiteScenario site = SiteScenario.open(seed, customers);
        for (int n = 0; n < 2 * 96; n++) {
            site.tickOnce();
            for (Meter meter : site.meters) {
                String customer = meter.customerId();
                boolean credit = site.gateway.balance(customer) > 0;
                assertThat(site.gateway.relay(customer)).isEqualTo(credit ? RelayState.ON : RelayState.OFF);
            }
        }

        for (Meter meter : site.meters) {
            List<RelayState> relays = decisionsOf(site.ticks).stream()
                    .filter(d -> d.customerId().equals(meter.customerId()))
                    .map(RelayDecision::relay)
                    .toList();
            for (int i = 0; i < relays.size(); i++) {
                assertThat(relays.get(i)).isEqualTo(i % 2 == 0 ? RelayState.OFF : RelayState.ON);
            }
        }
    }

    private void consume(long energyWh) {
        quarter++;
        Instant end = quarters(NOON, quarter);
        ticks.add(engine.tick(end, List.of(), List.of(reading("M-1", end, energyWh))));
    }

    /** Pays a minute before the next tick and bills that tick; returns when the payment was made. */
    private Instant pay(String reference, long amountMinor) {
        quarter++;
        Instant end = quarters(NOON, quarter);
        Instant at = end.minusSeconds(60);
        ticks.add(engine.tick(end, List.of(topUp(reference, "C-1", amountMinor, at)), List.of()));
        return at;
    }
}
