package io.gridside.sim.replace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.Takeover;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.server.CashAllowance;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.journal.JournalException;
import io.gridside.site.CreditState;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerLink;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replacement gateway that keeps a journal, stopped after its reconciliation and started again on it: it resumes
 * its billing on the continued chain with every restore line, receipt and payment once, as a gateway that never
 * stopped, and each account within the period the reconciliation carried, not reopened.
 */
class ReplacementJournalTest {

    private static final Instant READ_AT = Instant.parse("2026-06-03T06:00:00Z");
    private static final String SITE = "site-mto";
    private static final String RESTORE = SITE + ":7";
    private static final LedgerEntry TIP = new LedgerEntry(7, READ_AT.minusSeconds(3_600), "C2", EntryKind.TOP_UP,
            2_000, 9_000, "payment:MM-1");
    private static final ByteString TIP_HASH = ByteString.of(LedgerChain.link(LedgerChain.genesis(), TIP));
    private static final SiteInfo SITE_INFO = new SiteInfo(SITE, "Mto", "KES", ZoneId.of("Africa/Nairobi"));
    private static final Tariff TARIFF = new Tariff("flat", "KES", 200, 1_000, 5_000);
    private static final CashAllowance AMINA = new CashAllowance("T-0042", "c0ffee" + "0".repeat(58), 50_000);
    /** The dead gateway's receipt after the replica's last pull, as its slip reads. */
    private static final CashBookLine SLIP = new CashBookLine(CashBookLine.Kind.RECEIPT, "C0FFEE-0005", "T-0042",
            "CASH-S1", "C1", 1_000, "KES", READ_AT.minusSeconds(600), null, null);

    /** Customer C1 had used 12,345 Wh of the site day's block by the register read, and owes June's minimum. */
    private static final PostReconciliation.AccountPeriod BLOCK_UNDER_WAY = new PostReconciliation.AccountPeriod("C1",
            LocalDate.of(2026, 6, 3), 12_345, YearMonth.of(2026, 6), 40_000_000_000L, YearMonth.of(2026, 6),
            CreditState.ACTIVE, RelayState.ON, 0, 0, 0);

    @TempDir
    Path journal;

    private final SimClock.Manual clock = SimClock.manual(READ_AT.plusSeconds(60));

    @Test
    void resumesItsBillingOnTheContinuedChainWithNothingAppliedTwice() throws Exception {
        ReplacementGateway first = start();
        replaceAndTakeCash(first);
        clock.advance(Duration.ofHours(2));
        List<LedgerLink> beforeStop = first.ledgerLinksAfter(TIP.seq());
        first.closeJournal();

        clock.advance(Duration.ofMinutes(40));
        ReplacementGateway resumed = start();
        SimClock.Manual otherClock = SimClock.manual(READ_AT.plusSeconds(60));
        ReplacementGateway neverStopped = new ReplacementGateway(SITE, "GW-R1", key(), DemoOperator.trusted(),
                otherClock, new ScriptedMeters());
        replaceAndTakeCash(neverStopped, otherClock);
        otherClock.advance(Duration.ofHours(2).plusMinutes(40));

        assertThat(resumed.ledgerLinksAfter(TIP.seq())).startsWith(beforeStop.toArray(LedgerLink[]::new))
                .isEqualTo(neverStopped.ledgerLinksAfter(TIP.seq()));
        assertThat(resumed.ledgerAfter(TIP.seq())).extracting(LedgerEntry::reference)
                .filteredOn(reference -> reference.startsWith("payment:")).doesNotHaveDuplicates()
                .contains("payment:CASH-S1", "payment:CASH-N1", "payment:MM-2");
        assertThat(resumed.balance("C1")).isEqualTo(neverStopped.balance("C1"));
        assertThat(resumed.cashBook(LocalDate.of(2026, 6, 3), null)).isEqualTo(
                neverStopped.cashBook(LocalDate.of(2026, 6, 3), null));
        assertThat(resumed.creditCash(new CashTopUp("C2", null, 500, "KES", "CASH-N2", ""), AMINA).receipt())
                .as("the number after the slip's and the cash taken before the stop").isEqualTo("C0FFEE-0008");
        resumed.closeJournal();
    }

    @Test
    void goesOnWithTheAccountsPeriodsTheReconciliationCarriedAfterItStartsAgain() throws Exception {
        ReplacementGateway first = start();
        replaceAndTakeCash(first, clock, List.of(BLOCK_UNDER_WAY));
        clock.advance(Duration.ofHours(2));
        first.closeJournal();

        clock.advance(Duration.ofMinutes(40));
        ReplacementGateway resumed = start();
        long balance = resumed.balance("C1");
        long billedWh = resumed.readings(Instant.EPOCH, clock.now(), "M1").stream().mapToLong(Reading::energyWh)
                .sum();
        Takeover.PeriodState period = resumed.period("C1");

        assertThat(balance).isLessThan(4_000L);
        assertThat(billedWh).isPositive();
        assertThat(period.blockPeriod()).isEqualTo(BLOCK_UNDER_WAY.blockPeriod());
        assertThat(period.blockPeriodWh()).as("the block energy carried, and what was billed since, once")
                .isEqualTo(BLOCK_UNDER_WAY.blockPeriodWh() + billedWh);
        assertThat(period.firstFullMonth()).isEqualTo(BLOCK_UNDER_WAY.firstFullMonth());
        assertThat(period.energyMonth()).isEqualTo(BLOCK_UNDER_WAY.energyMonth());
        assertThat(period.monthEnergyUnits()).isGreaterThan(BLOCK_UNDER_WAY.monthEnergyUnits());
        assertThat(resumed.period("C2").blockPeriodWh()).as("an account the reconciliation left out, opened afresh")
                .isEqualTo(resumed.readings(Instant.EPOCH, clock.now(), "M2").stream()
                        .mapToLong(Reading::energyWh).sum());
        resumed.closeJournal();
    }

    @Test
    void keepsPaymentsImportedJustBeforeAStopAndPostsEachOnce() throws Exception {
        ReplacementGateway first = start();
        replaceAndTakeCash(first);
        clock.advance(Duration.ofMinutes(3));
        first.postPayments(new PostPayments(List.of(new PostPayments.Payment("MM-3", "C1", 1_500, "KES",
                clock.now(), "mobile money export"))));
        List<String> importedBeforeStop = first.importedPayments();
        first.closeJournal();

        ReplacementGateway resumed = start();
        List<String> importedAfterStart = resumed.importedPayments();
        PostPayments again = new PostPayments(List.of(new PostPayments.Payment("MM-3", "C1", 1_500, "KES",
                clock.now(), "mobile money export")));
        PaymentsPosted repeated = resumed.postPayments(again);
        clock.advance(Duration.ofMinutes(30));

        assertThat(importedBeforeStop).containsExactly("MM-2", "MM-3");
        assertThat(importedAfterStart).isEqualTo(importedBeforeStop);
        assertThat(repeated.results()).extracting(PaymentsPosted.Result::outcome)
                .containsExactly(PaymentsPosted.Outcome.ALREADY_CREDITED);
        assertThat(resumed.ledgerAfter(TIP.seq())).extracting(LedgerEntry::reference)
                .filteredOn(reference -> reference.startsWith("payment:MM-")).containsExactly("payment:MM-2",
                        "payment:MM-3");
        resumed.closeJournal();
    }

    @Test
    void keepsImportedPaymentsWhenTheSiteResumesOnAClockBehindItsLastRequest() throws Exception {
        ReplacementGateway first = start();
        replaceAndTakeCash(first);
        clock.advance(Duration.ofMinutes(3));
        first.postPayments(new PostPayments(List.of(new PostPayments.Payment("MM-4", "C2", 2_500, "KES",
                clock.now(), "mobile money export"))));
        Instant lastRequest = clock.now();
        first.closeJournal();

        // A simulator started again resumes its clock at the dead gateway's last quarter hour, before this request.
        SimClock.Manual behind = SimClock.manual(lastRequest.minus(Duration.ofMinutes(10)));
        ReplacementGateway resumed = ReplacementGateway.journaled(SITE, "GW-R1", key(), DemoOperator.trusted(),
                behind, new ScriptedMeters(), journal);
        List<String> imported = resumed.importedPayments();
        behind.advance(Duration.ofMinutes(40));

        assertThat(imported).contains("MM-2", "MM-4");
        assertThat(resumed.ledgerAfter(TIP.seq())).extracting(LedgerEntry::reference)
                .filteredOn(reference -> reference.startsWith("payment:MM-")).containsExactly("payment:MM-2",
                        "payment:MM-4");
        resumed.closeJournal();
    }

    @Test
    void refusesAJournalKeptForAnotherSite() throws Exception {
        start().closeJournal();

        assertThatThrownBy(() -> ReplacementGateway.journaled("site-other", "GW-R1", key(), DemoOperator.trusted(),
                clock, new ScriptedMeters(), journal)).isInstanceOf(JournalException.class)
                .hasMessageContaining("replacement:" + SITE);
    }

    private ReplacementGateway start() {
        return ReplacementGateway.journaled(SITE, "GW-R1", key(), DemoOperator.trusted(), clock,
                new ScriptedMeters(), journal);
    }

    private void replaceAndTakeCash(ReplacementGateway gateway) throws Exception {
        replaceAndTakeCash(gateway, clock);
    }

    /**
     * Restores the site, posts a reconciliation with the slip's receipt, takes cash and a void of it, and a
     * payment imported, a few minutes apart.
     */
    private static void replaceAndTakeCash(ReplacementGateway gateway, SimClock.Manual clock) throws Exception {
        replaceAndTakeCash(gateway, clock, null);
    }

    /** As above, the reconciliation carrying {@code periods} (null for none). */
    private static void replaceAndTakeCash(ReplacementGateway gateway, SimClock.Manual clock,
            List<PostReconciliation.AccountPeriod> periods) throws Exception {
        gateway.begin(new BeginRestore(RESTORE, SITE_INFO, TARIFF, TIP, TIP_HASH, 1, null,
                List.of(new BeginRestore.ReceiptBook("C0FFEE", 4, 3_000))), "S-1");
        gateway.chunk(new RestoreChunk(RESTORE, 0, List.of(account("C1", "M1", 4_000), account("C2", "M2", 9_000))),
                "S-1");
        gateway.finish(new FinishRestore(RESTORE), "S-1");
        gateway.readRegisters();
        gateway.post(new PostReconciliation(RESTORE, List.of(
                new PostReconciliation.Line("C1", EntryKind.ENERGY, -600, "gap:M1:7:energy"),
                new PostReconciliation.Line("C1", EntryKind.TOP_UP, 1_000, "payment:CASH-S1")), List.of(SLIP),
                periods), "S-1");
        clock.advance(Duration.ofMinutes(20));
        String receipt = gateway.creditCash(new CashTopUp("C1", null, 2_000, "KES", "CASH-N1", ""), AMINA)
                .receipt();
        clock.advance(Duration.ofMinutes(5));
        gateway.creditCash(new CashTopUp("C2", null, 700, "KES", "CASH-N3", ""), AMINA);
        gateway.voidCash(new CashVoid(gateway.cashBook(null, null).stream()
                .filter(line -> line.reference().equals("CASH-N3")).findFirst().orElseThrow().receipt(),
                "wrong customer"), "S-1");
        clock.advance(Duration.ofMinutes(30));
        gateway.postPayments(new PostPayments(List.of(new PostPayments.Payment("MM-2", "C2", 3_000, "KES",
                clock.now(), "mobile money export"))));
        assertThat(receipt).isEqualTo("C0FFEE-0006");
    }

    private static SigningKey key() {
        return SigningKey.fromSeed(ByteString.fromHex("6b".repeat(32)));
    }

    private static RestoreChunk.Account account(String customerId, String meterId, long balance) {
        return new RestoreChunk.Account(new Customer(customerId, "Customer " + customerId,
                CustomerCategory.HOUSEHOLD), new Meter(meterId, "SN-" + meterId, customerId, "GW-R1", -70), balance);
    }
}
