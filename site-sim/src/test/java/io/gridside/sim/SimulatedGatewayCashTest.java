package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.Reconciliation;
import io.gridside.billing.Replay;
import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashRefusedException;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.cash.CashBookLine;
import io.gridside.sim.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cash the simulated gateway takes: posted by its ticks with the other payments, so the audit agrees. */
class SimulatedGatewayCashTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    /** A credential whose id starts {@code ababab}, so its receipts are numbered {@code ABABAB-0001} on. */
    private static final CashAllowance ALLOWANCE = new CashAllowance("T-0101", "ab".repeat(32), 10_000_000);

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(40, 13, 1, NOW), clock);

    @Test
    void postsCashAtTheNextTickAndTheReplayPostsItInTheSamePlace() throws Exception {
        CashReceipt receipt = gateway.creditCash(topUp(3, 150_000, "CASH-1"), ALLOWANCE);

        assertThat(receipt.paidAt()).isEqualTo(NOW);
        assertThat(receipt.balanceAfterMinor()).as("not in the ledger before the tick").isNull();
        assertThat(payments(gateway.ledgerAfter(0), "CASH-1")).isEmpty();

        clock.advance(Duration.ofMinutes(8));

        List<LedgerEntry> posted = payments(gateway.ledgerAfter(0), "CASH-1");
        assertThat(posted).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.TOP_UP);
            assertThat(entry.amountMinor()).isEqualTo(150_000);
            assertThat(entry.at()).isEqualTo(NOW);
        });
        CashReceipt again = gateway.creditCash(topUp(3, 150_000, "CASH-1"), ALLOWANCE);
        assertThat(again.outcome()).isEqualTo(CashReceipt.Outcome.ALREADY_CREDITED);
        assertThat(again.balanceAfterMinor()).isEqualTo(posted.get(0).balanceAfterMinor());
        assertAuditAgrees();
    }

    @Test
    void manyPaymentsAmongTheCustomersOwnAuditAsTheGatewayPostedThem() throws Exception {
        for (int i = 0; i < 60; i++) {
            gateway.creditCash(topUp(i % 40, 1_000 + i, "CASH-" + i), ALLOWANCE);
            clock.advance(Duration.ofMinutes(7));
        }
        clock.advance(Reading.INTERVAL);

        List<LedgerEntry> ledger = gateway.ledgerAfter(0);
        assertThat(ledger).filteredOn(entry -> entry.reference().startsWith("payment:CASH-")).hasSize(60);
        assertThat(ledger).as("mobile money in the same hours")
                .filteredOn(entry -> entry.reference().startsWith("payment:MP")).isNotEmpty();
        assertAuditAgrees();
    }

    @Test
    void datesCashAfterItsLastTickWhenItsClockWasSetBack() throws Exception {
        gateway.setClock(NOW.minus(Duration.ofHours(2)));

        CashReceipt receipt = gateway.creditCash(topUp(5, 20_000, "CASH-1"), ALLOWANCE);
        clock.advance(Duration.ofHours(2).plusMinutes(10));

        assertThat(receipt.paidAt()).isEqualTo(Instant.parse("2026-06-03T09:00:01Z"));
        assertThat(payments(gateway.ledgerAfter(0), "CASH-1")).hasSize(1);
        assertAuditAgrees();
    }

    @Test
    void holdsMobileMoneyReferencesToTheirPayments() throws Exception {
        LedgerEntry mobile = gateway.ledgerAfter(0).stream()
                .filter(entry -> entry.reference().startsWith("payment:MP")).findFirst().orElseThrow();
        String reference = mobile.reference().substring("payment:".length());
        CashTopUp same = new CashTopUp(mobile.customerId(), null, mobile.amountMinor(), "KES", reference, "");
        CashTopUp other = new CashTopUp(mobile.customerId(), null, mobile.amountMinor() + 1, "KES", reference, "");

        // Cash under a mobile payment's reference is not a retry of it: taken as credited, the cash would be in no
        // technician's hand-over.
        assertThatThrownBy(() -> gateway.creditCash(same, ALLOWANCE)).isInstanceOf(CashRefusedException.class)
                .hasMessageContaining("not as cash on site")
                .extracting(e -> ((CashRefusedException) e).code()).isEqualTo("CASH_REFERENCE_CONFLICT");
        assertThatThrownBy(() -> gateway.creditCash(other, ALLOWANCE)).isInstanceOf(CashRefusedException.class)
                .extracting(e -> ((CashRefusedException) e).code()).isEqualTo("CASH_REFERENCE_CONFLICT");
    }

    @Test
    void postsAVoidAsACorrectingEntryAfterItsTickAndTheReplayPostsItInTheSamePlace() throws Exception {
        String customer = gateway.layout().customers().get(3).customerId();
        CashReceipt receipt = gateway.creditCash(topUp(3, 150_000, "CASH-1"), ALLOWANCE);
        clock.advance(Duration.ofMinutes(20));

        CashVoided voided = gateway.voidCash(new CashVoid(receipt.receipt(), "customer paid twice"), "S-0001");
        CashVoided again = gateway.voidCash(new CashVoid(receipt.receipt(), "customer paid twice"), "S-0001");
        clock.advance(Reading.INTERVAL);

        // 09:07 paid; the clock at 09:27 voids it; the tick of 09:30 posts -150,000 after its readings.
        assertThat(voided.voidedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
        assertThat(again.outcome()).isEqualTo(CashVoided.Outcome.ALREADY_VOIDED);
        List<LedgerEntry> reversals = gateway.ledgerAfter(0).stream()
                .filter(entry -> entry.reference().equals("void:CASH-1")).toList();
        assertThat(reversals).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.TOP_UP);
            assertThat(entry.amountMinor()).isEqualTo(-150_000);
            assertThat(entry.customerId()).isEqualTo(customer);
            assertThat(entry.at()).isEqualTo(voided.voidedAt());
        });
        List<LedgerEntry> customers = gateway.ledgerAfter(0).stream()
                .filter(entry -> entry.customerId().equals(customer)).toList();
        LedgerEntry reversal = reversals.get(0);
        LedgerEntry previous = customers.get(customers.indexOf(reversal) - 1);
        assertThat(reversal.balanceAfterMinor()).isEqualTo(previous.balanceAfterMinor() - 150_000);
        assertAuditAgrees();
    }

    @Test
    void keepsItsReceiptNumbersCashCountAndVoidsAcrossARestart(@TempDir Path journal) throws Exception {
        SiteSpec spec = new SiteSpec(20, 17, 1, NOW);
        String voidedNumber;
        try (SimulatedGateway first = new SimulatedGateway(spec, clock, DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(spec), Scenario.NONE, journal)) {
            first.creditCash(topUpAt(first, 1, 10_000, "CASH-1"), ALLOWANCE);
            voidedNumber = first.creditCash(topUpAt(first, 2, 20_000, "CASH-2"), ALLOWANCE).receipt();
            first.voidCash(new CashVoid(voidedNumber, "wrong customer"), "S-0001");
        }
        clock.advance(Duration.ofMinutes(30));

        try (SimulatedGateway restarted = new SimulatedGateway(spec, clock, DemoOperator.trusted(),
                SimulatedGateway.identityKeyFor(spec), Scenario.NONE, journal)) {
            CashReceipt repeat = restarted.creditCash(topUpAt(restarted, 1, 10_000, "CASH-1"), ALLOWANCE);
            CashReceipt next = restarted.creditCash(topUpAt(restarted, 3, 5_000, "CASH-3"), ALLOWANCE);
            clock.advance(Reading.INTERVAL);

            assertThat(repeat.outcome()).isEqualTo(CashReceipt.Outcome.ALREADY_CREDITED);
            assertThat(repeat.receipt()).isEqualTo("ABABAB-0001");
            assertThat(voidedNumber).isEqualTo("ABABAB-0002");
            assertThat(next.receipt()).as("neither reused nor skipped").isEqualTo("ABABAB-0003");
            // 10,000 + 20,000 (voided, still counted) + 5,000.
            assertThat(next.usedMinor()).isEqualTo(35_000);
            List<LedgerEntry> ledger = restarted.ledgerAfter(0);
            assertThat(ledger).filteredOn(entry -> entry.reference().matches("(payment|void):CASH-\\d"))
                    .extracting(LedgerEntry::reference, LedgerEntry::amountMinor)
                    .containsExactly(tuple("payment:CASH-1", 10_000L), tuple("payment:CASH-2", 20_000L),
                            tuple("void:CASH-2", -20_000L), tuple("payment:CASH-3", 5_000L));
            assertThat(restarted.cashBook(null, null)).extracting(CashBookLine::kind)
                    .containsExactly(CashBookLine.Kind.RECEIPT, CashBookLine.Kind.RECEIPT, CashBookLine.Kind.VOID,
                            CashBookLine.Kind.RECEIPT);
        }
    }

    private static CashTopUp topUpAt(SimulatedGateway gateway, int customer, long amountMinor, String reference) {
        return new CashTopUp(gateway.layout().customers().get(customer).customerId(), null, amountMinor, "KES",
                reference, "");
    }

    private CashTopUp topUp(int customer, long amountMinor, String reference) {
        return new CashTopUp(gateway.layout().customers().get(customer).customerId(), null, amountMinor, "KES",
                reference, "");
    }

    private static List<LedgerEntry> payments(List<LedgerEntry> ledger, String reference) {
        return ledger.stream().filter(entry -> entry.reference().equals("payment:" + reference)).toList();
    }

    private void assertAuditAgrees() {
        List<LedgerEntry> ledger = gateway.ledgerAfter(0);
        List<Reading> readings = gateway.readings(Instant.EPOCH, Instant.MAX);
        BillingEngine replay = Replay.run(gateway.layout().tariff(), gateway.layout().site().zone(),
                gateway.layout().meters(), ledger, readings);

        Reconciliation reconciliation = Reconciliation.of(ledger, replay);
        assertThat(reconciliation.firstDifference()).isEmpty();
        assertThat(reconciliation.compared()).isEqualTo(ledger.size());
    }
}
