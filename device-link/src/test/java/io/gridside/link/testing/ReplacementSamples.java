package io.gridside.link.testing;

import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.BillingConfigBatch;
import io.gridside.link.message.DebtOwed;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.MeshDayBatch;
import io.gridside.link.message.Message;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.ReadRegisters;
import io.gridside.link.message.ReconciliationPosted;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreLedgerPart;
import io.gridside.link.message.RestoreState;
import io.gridside.site.CreditState;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.RelayState;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerChain;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Samples of the restore messages of protocol section 6.32, on the site of {@link SampleMessages}. */
public final class ReplacementSamples {

    /** The restore of the samples, named by the site and the replica's tip, as a console names it. */
    public static final String RESTORE_ID = "site-kisima:41";
    /** The replica's tip: the hash of its entry 41 (any 32 bytes serve a sample). */
    public static final ByteString TIP = ByteString.of(new byte[LedgerChain.HASH_BYTES]);

    private ReplacementSamples() {
    }

    public static List<Message> all() {
        return List.of(beginWithLedger(), chunkOfSchemaTwo(), stateOfLedgerParts(), new FinishRestore(RESTORE_ID),
                new ReadRegisters(), registers(), reconciliationOfSchemaFive(), posted(), configPart(), ledgerPart());
    }

    /** The begin of a replica with a configuration, a cash book and its ledger in two parts (section 6.41). */
    public static BeginRestore beginWithLedger() {
        BeginRestore plain = beginOfSchemaTwo();
        return new BeginRestore(plain.restoreId(), plain.site(), plain.tariff(), plain.tip(), plain.tipHash(),
                plain.chunkCount(), plain.billingConfig(), plain.receiptBooks(), null, null, 2);
    }

    /** The gateway's answer while the second part of the ledger is still missing (section 6.41). */
    public static RestoreState stateOfLedgerParts() {
        return new RestoreState(RESTORE_ID, List.of(0, 1), false, 41, TIP, List.of(), List.of(1));
    }

    /** The first part of {@link #beginWithLedger}'s ledger: the tip alone serves as the sample's entry. */
    public static RestoreLedgerPart ledgerPart() {
        return new RestoreLedgerPart(RESTORE_ID, 0, List.of(begin().tip()));
    }

    /** A reconciliation of schema 3 that also says where a stale register's meter was billed to (section 6.42). */
    public static PostReconciliation reconciliationOfSchemaFive() {
        PostReconciliation three = reconciliationOfSchemaThree();
        return new PostReconciliation(three.restoreId(), three.lines(), three.receipts(), three.periods(),
                List.of(new PostReconciliation.BilledTo("m-001", 51_000, SampleMessages.CLOCK.minusSeconds(1_800))));
    }

    /** The gateway's answer after chunk 0 of two, as section 11.29 shows it. */
    public static RestoreState vectorState() {
        return new RestoreState(RESTORE_ID, List.of(1), false, 41, TIP);
    }

    public static BeginRestore begin() {
        return new BeginRestore(RESTORE_ID, SampleMessages.siteReply().site(), SampleMessages.siteReply().tariff(),
                new LedgerEntry(41, SampleMessages.CLOCK.minusSeconds(3_600), "c-001", EntryKind.TOP_UP, 5_000, 12_500,
                        "payment:MP-7702"), TIP, 2);
    }

    /**
     * The begin of a replica that holds a billing configuration and a cash book (section 6.35): any bytes serve as
     * the sample's document.
     */
    public static BeginRestore beginOfSchemaTwo() {
        BeginRestore plain = begin();
        return new BeginRestore(plain.restoreId(), plain.site(), plain.tariff(), plain.tip(), plain.tipHash(),
                plain.chunkCount(), MeshDayBatch.chunksOf("a billing configuration".getBytes(StandardCharsets.UTF_8)),
                List.of(new BeginRestore.ReceiptBook("AA11BB", 7, 12_500)));
    }

    /** The document the samples of section 11.33 carry in parts: any bytes serve. */
    public static final byte[] PARTED_DOCUMENT = "a billing configuration of many customers"
            .getBytes(StandardCharsets.UTF_8);

    /**
     * The begin of a replica whose configuration travels in parts (section 6.39): one part here, as section 11.33
     * shows it, though a configuration goes in parts only when it does not fit the begin.
     */
    public static BeginRestore beginInParts() {
        BeginRestore plain = begin();
        return new BeginRestore(plain.restoreId(), plain.site(), plain.tariff(), plain.tip(), plain.tipHash(),
                plain.chunkCount(), null, null, 1, BillingConfigBatch.digestOf(PARTED_DOCUMENT));
    }

    /** The one part of {@link #beginInParts}'s configuration, as section 11.33 shows it. */
    public static RestoreConfigPart configPart() {
        return new RestoreConfigPart(RESTORE_ID, 0, MeshDayBatch.chunksOf(PARTED_DOCUMENT));
    }

    /** The gateway's answer once that part arrived, with both chunks still missing, as section 11.33 shows it. */
    public static RestoreState stateOfParts() {
        return new RestoreState(RESTORE_ID, List.of(0, 1), false, 41, TIP, List.of());
    }

    /** A chunk whose first customer owes part of an appliance loan (section 6.35). */
    public static RestoreChunk chunkOfSchemaTwo() {
        List<RestoreChunk.Account> accounts = new ArrayList<>(chunk().accounts());
        RestoreChunk.Account first = accounts.get(0);
        accounts.set(0, new RestoreChunk.Account(first.customer(), first.meter(), first.balanceMinor(),
                List.of(new DebtOwed("loan-c-001", Debt.Kind.APPLIANCE_LOAN, 150_000, 42_000))));
        return new RestoreChunk(RESTORE_ID, 0, accounts);
    }

    public static RestoreChunk chunk() {
        return new RestoreChunk(RESTORE_ID, 0, SampleMessages.roster().stream()
                .map(entry -> new RestoreChunk.Account(entry.customer(), entry.meter(), 12_500)).toList());
    }

    public static RegistersRead registers() {
        return new RegistersRead(SampleMessages.CLOCK,
                List.of(new RegistersRead.Register("m-001", 52_000, SampleMessages.CLOCK.minusSeconds(900))),
                List.of("m-002"));
    }

    public static PostReconciliation reconciliation() {
        return new PostReconciliation(RESTORE_ID, List.of(
                new PostReconciliation.Line("c-001", EntryKind.ENERGY, -3_601, "gap:m-001:2024-04-30T12:00:00Z:energy"),
                new PostReconciliation.Line("c-001", EntryKind.TOP_UP, 10_000, "payment:MP-7781")));
    }

    /** A reconciliation whose payment was cash the dead gateway took on a receipt after the last pull. */
    public static PostReconciliation reconciliationOfSchemaTwo() {
        PostReconciliation plain = reconciliation();
        return new PostReconciliation(plain.restoreId(), plain.lines(), List.of(new CashBookLine(
                CashBookLine.Kind.RECEIPT, "AA11BB-0008", "tech-01", "MP-7781", "c-001", 10_000, "KES",
                SampleMessages.CLOCK.minusSeconds(1_800), null, null)));
    }

    /**
     * A reconciliation whose customer goes on with the period the gap left them in (section 6.36), as section 11.30
     * shows it: 2,400 Wh used of a daily block that began on 30 April, in emergency credit.
     */
    public static PostReconciliation reconciliationWithPeriods() {
        PostReconciliation plain = reconciliation();
        return new PostReconciliation(plain.restoreId(), plain.lines(), null, List.of(new PostReconciliation
                .AccountPeriod("c-001", LocalDate.of(2024, 4, 30), 2_400, YearMonth.of(2024, 4), 21_500_000_000L,
                        YearMonth.of(2024, 3), CreditState.EMERGENCY, RelayState.ON, 1_200, 0, 0)));
    }

    /** A reconciliation that carries both a receipt of the dead gateway and the accounts' periods. */
    public static PostReconciliation reconciliationOfSchemaThree() {
        return new PostReconciliation(RESTORE_ID, reconciliation().lines(),
                reconciliationOfSchemaTwo().receipts(), reconciliationWithPeriods().periods());
    }

    public static ReconciliationPosted posted() {
        LedgerEntry entry = new LedgerEntry(42, SampleMessages.CLOCK, "c-001", EntryKind.ENERGY, -3_601, 8_899,
                "gap:m-001:2024-04-30T12:00:00Z:energy");
        return new ReconciliationPosted(List.of(entry),
                List.of(ByteString.of(LedgerChain.link(TIP.toByteArray(), entry))), List.of("payment:MP-7781"));
    }
}
