package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Reconciliation;
import io.gridside.billing.Replay;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.PostAdjustments;
import io.gridside.link.server.AdjustmentRefusedException;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.CustomerDay;
import io.gridside.site.ledger.LedgerDayDigest;
import io.gridside.site.ledger.LedgerDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's ledger by customer day, the corrections it posts, and the fault it can be made to bill with. */
class SimulatedGatewayCorrectionsTest {

    /** 12:07 in Nairobi on 3 June; a day of history from 2 June 12:00. */
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final LocalDate JUNE_2 = LocalDate.of(2026, 6, 2);

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(10, 21, 1, NOW), clock);

    @Test
    void summarisesEveryCustomerDayOfItsLedgerAsTheSharedRuleDoes() {
        List<LedgerDayDigest> digests = gateway.ledgerDayDigests(null, null);

        assertThat(digests).isEqualTo(LedgerDays.digests(gateway.ledgerAfter(0), gateway.layout().site().zone()));
        assertThat(digests).hasSize(20).extracting(d -> d.customerDay().day()).containsOnly(JUNE_2, JUNE_2.plusDays(1));
        assertThat(gateway.ledgerDayDigests(JUNE_2, JUNE_2)).hasSize(10);
    }

    @Test
    void postsACorrectionAfterItsLastTickAndAReplayOfTheLedgerPostsItAlike() throws Exception {
        CustomerDay day = new CustomerDay(customer(2), JUNE_2);

        var posted = gateway.postAdjustments(request(day, 5, digestOf(day)), "S-0001");
        clock.advance(Duration.ofMinutes(30));

        // A correction changes the balance, so what the customer accrued since midnight posts first, at it.
        assertThat(posted).hasSize(2);
        assertThat(posted.get(0).entry().kind()).isEqualTo(EntryKind.ENERGY);
        assertThat(posted.get(0).entry().at()).isEqualTo(Instant.parse("2026-06-03T09:00:00Z"));
        assertThat(posted.get(1)).satisfies(link -> {
            assertThat(link.entry().kind()).isEqualTo(EntryKind.ADJUSTMENT);
            assertThat(link.entry().at()).isEqualTo(Instant.parse("2026-06-03T09:00:00Z"));
            assertThat(link.entry().reference()).isEqualTo("adjustment:2026-06-02 reconciled energy");
        });
        List<LedgerEntry> ledger = gateway.ledgerAfter(0);
        List<Reading> readings = gateway.readings(Instant.EPOCH, Instant.MAX);
        BillingEngine replay = Replay.run(gateway.layout().tariff(), gateway.layout().site().zone(),
                gateway.layout().meters(), ledger, readings);
        assertThat(Reconciliation.of(ledger, replay).firstDifference()).isEmpty();
    }

    @Test
    void postsACorrectionForACustomerWhoMovedInAfterTheSiteOpened() throws Exception {
        String leaving = customer(2);
        String meterId = gateway.layout().meters().get(2).meterId();
        gateway.moveOut(new MoveOut(leaving, null, "left"), "S-0001");
        gateway.moveIn(new MoveIn(meterId, "C-0777", "Rehema Ali", CustomerCategory.HOUSEHOLD, 5_000), "S-0001");
        clock.advance(Duration.ofMinutes(30));
        CustomerDay day = new CustomerDay("C-0777", JUNE_2.plusDays(1));

        gateway.postAdjustments(request(day, 5, digestOf(day)), "S-0001");

        assertThat(gateway.ledgerAfter(0)).filteredOn(e -> e.kind() == EntryKind.ADJUSTMENT).singleElement()
                .satisfies(entry -> assertThat(entry.customerId()).isEqualTo("C-0777"));
    }

    @Test
    void refusesACorrectionBasedOnADayThatHasChangedSoASecondSendingPostsNothing() throws Exception {
        CustomerDay day = new CustomerDay(customer(2), JUNE_2);
        PostAdjustments request = request(day, 5, digestOf(day));
        gateway.postAdjustments(request, "S-0001");
        long before = gateway.ledgerAfter(0).size();

        assertThatThrownBy(() -> gateway.postAdjustments(request, "S-0001"))
                .isInstanceOfSatisfying(AdjustmentRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("ADJUSTMENT_STALE"));
        assertThat(gateway.ledgerAfter(0)).hasSize((int) before);
    }

    @Test
    void postsAllOrNoneAndNamesTheRuleABadCorrectionBreaks() {
        CustomerDay day = new CustomerDay(customer(1), JUNE_2);
        ByteString digest = digestOf(day);
        PostAdjustments badLine = new PostAdjustments(List.of(item(day, 5, digest, "energy"),
                item(day, 3, digest, "water")));
        PostAdjustments unknown = request(new CustomerDay("C-9999", JUNE_2), 5, digest);
        long before = gateway.ledgerAfter(0).size();

        assertThatThrownBy(() -> gateway.postAdjustments(badLine, "S-0001"))
                .isInstanceOfSatisfying(AdjustmentRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("ADJUSTMENT_INVALID"));
        assertThatThrownBy(() -> gateway.postAdjustments(unknown, "S-0001"))
                .isInstanceOfSatisfying(AdjustmentRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo("UNKNOWN_CUSTOMER"));
        assertThat(gateway.ledgerAfter(0)).hasSize((int) before);
    }

    /**
     * The fault bills one reading of the day 1 kWh heavier; the readings served stay true, so the energy charged
     * over the two hours is the meter's energy plus 1 kWh at the flat price. Charges post per customer-day, so
     * the charge is read from the balance (posted less accrued), with anything else posted meanwhile put back.
     */
    @Test
    void aPlantedFaultChargesOneReadingHeavierWhileTheServedReadingsStayTrue() {
        String meter = gateway.layout().meters().get(4).meterId();
        LocalDate june3 = JUNE_2.plusDays(1);
        gateway.misrate(meter, june3, 1_000);
        long balanceBefore = gateway.balance(customer(4));
        clock.advance(Duration.ofHours(2));

        List<Reading> served = gateway.readings(Instant.EPOCH, Instant.MAX).stream()
                .filter(r -> r.meterId().equals(meter)).toList();
        long energyWh = served.stream().filter(r -> !r.intervalStart().isBefore(NOW))
                .mapToLong(Reading::energyWh).sum();
        long otherEntries = gateway.ledgerAfter(0).stream()
                .filter(e -> e.customerId().equals(customer(4)) && e.kind() != EntryKind.ENERGY)
                .filter(e -> e.at().isAfter(NOW))
                .mapToLong(LedgerEntry::amountMinor).sum();
        long charged = balanceBefore + otherEntries - gateway.balance(customer(4));

        long price = gateway.layout().tariff().energyMinorPerKwh();
        // Every Wh is charged at price/1000 with remainders carried, so the charge is within one unit of exact.
        assertThat(charged * 1_000).isBetween((energyWh + 1_000) * price - 1_000, (energyWh + 1_000) * price + 1_000);
    }

    private String customer(int index) {
        return gateway.layout().customers().get(index).customerId();
    }

    private ByteString digestOf(CustomerDay day) {
        return gateway.ledgerDayDigests(day.day(), day.day()).stream().filter(d -> d.customerDay().equals(day))
                .findFirst().orElseThrow().digest();
    }

    private static PostAdjustments request(CustomerDay day, long amountMinor, ByteString digest) {
        return new PostAdjustments(List.of(item(day, amountMinor, digest, "energy")));
    }

    private static PostAdjustments.Item item(CustomerDay day, long amountMinor, ByteString digest, String line) {
        return new PostAdjustments.Item(day, line, "reconciled", amountMinor, digest);
    }
}
