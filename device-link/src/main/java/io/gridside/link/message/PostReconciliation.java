package io.gridside.link.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridside.site.CreditState;
import io.gridside.site.EntryKind;
import io.gridside.site.RelayState;
import io.gridside.site.cash.CashBookLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Posts what a replacement's reconciliation found to the new gateway's ledger (section 6.32): the energy each
 * meter used while the site had no gateway, and the payments made since the replica's last pull. The gateway
 * posts each reference once, all lines or none, and answers a reference it posted before as already posted.
 *
 * <p>Schema 2 added {@code receipts}: the cash receipts the dead gateway issued after the replica's last pull, as
 * the technician copied them from the customers' slips (section 6.32). A reconciliation without them is written
 * exactly as schema 1 wrote it, and read with null.
 *
 * <p>Schema 3 added {@code periods}: where each account stood within its block period, month and credit state once
 * the console's engine had billed the gap (section 6.36), so that the new gateway goes on with them instead of
 * opening each account afresh. A reconciliation without them is written exactly as schema 2 wrote it, and read
 * with null: every account then opens afresh, as before. A gateway that goes on with them lists
 * {@link #ACCOUNT_PERIODS} among its capabilities (section 6.40); one that does not takes schema 2 only and ignores
 * them. Schema 4 added to each period whether the account's low-credit alert is armed (section 6.40); a period
 * without it is written exactly as schema 3 wrote it.
 *
 * <p>Schema 5 added {@code billedTo}: for each meter whose register the gateway read is older than the meter's last
 * reading in the replica (a stale read, which bills no gap), that last reading's register and end, from which the
 * gateway bills the meter's readings instead of from the register it read, which would bill the readings between
 * the two again (section 6.42). A reconciliation without them is written exactly as schema 4 wrote it, and read with
 * null: every meter is then billed from the register read.
 *
 * @param receipts each receipt line of a payment line of this reconciliation that the dead gateway took as cash,
 *     so that the new gateway's cash book holds it (a technician's cash-up counts it, its number is never given
 *     again, its cash counts against the credential's limit); null for none
 * @param periods at most one per customer, for the accounts that go on with their periods; null for none
 * @param billedTo at most one per meter, for the meters billed from another register than the one read; null for
 *     none
 */
public record PostReconciliation(String restoreId, List<Line> lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CashBookLine> receipts,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AccountPeriod> periods,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<BilledTo> billedTo) implements Message {

    /** The capability of a gateway that goes on with the periods a reconciliation carries (section 6.40). */
    public static final String ACCOUNT_PERIODS = "account-periods";

    /**
     * One ledger line to post.
     *
     * @param kind {@link EntryKind#ENERGY} for a gap's energy, {@link EntryKind#TOP_UP} for a payment
     * @param amountMinor signed as the ledger's entries are: a charge negative, a payment positive
     * @param reference what makes the line once only: {@code gap:METER:FROM/TO} or {@code payment:REFERENCE}
     */
    public record Line(String customerId, EntryKind kind, long amountMinor, String reference) {
    }

    /**
     * Where one account stood within its periods after the gap was billed, as the console's engine left it.
     *
     * @param blockPeriod the first day of the block period it was in, or null for an account that never rated a
     *     reading
     * @param blockPeriodWh the energy it had used of that block period
     * @param energyMonth the month {@code monthEnergyUnits} counts, or null for an account that never rated one
     * @param monthEnergyUnits the month's exact energy charge in charge units (10,000,000 to the minor unit)
     * @param firstFullMonth the first month whose minimum charge the account owes
     * @param credit its credit state
     * @param relay the relay billing wants
     * @param emergencyDebtMinor the emergency credit in use
     * @param energyPastZeroWh the energy delivered while its balance was below zero
     * @param energyInGraceWh the part of that delivered in grace
     * @param lowAlertArmed whether a fall below the low-credit threshold raises an alert (schema 4); null when not
     *     said, as schema 3 sent every period, and the account then arms it as an opening does
     * @param remainders each charge line's fraction of a minor unit, which the new gateway goes on accruing so that
     *     a line's postings sum to its exact total rounded down across the takeover; null (left out) for none
     */
    public record AccountPeriod(String customerId, LocalDate blockPeriod, long blockPeriodWh, YearMonth energyMonth,
            long monthEnergyUnits, YearMonth firstFullMonth, CreditState credit, RelayState relay,
            long emergencyDebtMinor, long energyPastZeroWh, long energyInGraceWh,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean lowAlertArmed,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<LineRemainder> remainders) {

        public AccountPeriod {
            remainders = remainders == null || remainders.isEmpty() ? null : List.copyOf(remainders);
        }

        /** A period that says nothing of its low-credit alert nor of its lines' remainders, as schema 3 sent. */
        public AccountPeriod(String customerId, LocalDate blockPeriod, long blockPeriodWh, YearMonth energyMonth,
                long monthEnergyUnits, YearMonth firstFullMonth, CreditState credit, RelayState relay,
                long emergencyDebtMinor, long energyPastZeroWh, long energyInGraceWh) {
            this(customerId, blockPeriod, blockPeriodWh, energyMonth, monthEnergyUnits, firstFullMonth, credit, relay,
                    emergencyDebtMinor, energyPastZeroWh, energyInGraceWh, null, null);
        }

        /** The line remainders it carries; empty for none. */
        public List<LineRemainder> remaindersCarried() {
            return remainders == null ? List.of() : remainders;
        }

        /**
         * Reads a period as the codec decodes it: one of schema 3 says nothing of its low-credit alert, and one from
         * a console that sends no remainders has none; each is read as null.
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static AccountPeriod fromTree(ObjectNode tree) {
            tree.putIfAbsent("lowAlertArmed", tree.nullNode());
            tree.putIfAbsent("remainders", tree.nullNode());
            PeriodFields f = MessageCodec.convert(tree, PeriodFields.class);
            return new AccountPeriod(f.customerId(), f.blockPeriod(), f.blockPeriodWh(), f.energyMonth(),
                    f.monthEnergyUnits(), f.firstFullMonth(), f.credit(), f.relay(), f.emergencyDebtMinor(),
                    f.energyPastZeroWh(), f.energyInGraceWh(), f.lowAlertArmed(), f.remainders());
        }
    }

    /** A period's fields as the codec reads them once every field is there, null or not. */
    private record PeriodFields(String customerId, LocalDate blockPeriod, long blockPeriodWh, YearMonth energyMonth,
            long monthEnergyUnits, YearMonth firstFullMonth, CreditState credit, RelayState relay,
            long emergencyDebtMinor, long energyPastZeroWh, long energyInGraceWh, Boolean lowAlertArmed,
            List<LineRemainder> remainders) {
    }

    /**
     * What one charge line of an account had accrued below a whole minor unit after the gap was billed, which the
     * reconciliation's lines, in whole minor units, leave to the new gateway.
     *
     * @param line the line's key in the account's rating: {@code energy}, or {@code KIND:NAME:UNIT} for a tax or levy
     * @param unitsPerMinor how many of the line's exact units make a minor unit
     * @param units the units accrued, from 0 up to {@code unitsPerMinor}
     */
    public record LineRemainder(String line, long unitsPerMinor, long units) {
    }

    /**
     * Where the reconciliation billed one meter to when that is not the register the gateway read: the meter's last
     * reading in the replica, which a stale register read does not reach (section 6.42).
     *
     * @param registerWh the meter's register at the end of that reading
     * @param at the end of that reading, after which the gateway bills the meter's readings
     */
    public record BilledTo(String meterId, long registerWh, Instant at) {
    }

    public PostReconciliation {
        lines = List.copyOf(lines);
        receipts = receipts == null || receipts.isEmpty() ? null : List.copyOf(receipts);
        periods = periods == null || periods.isEmpty() ? null : List.copyOf(periods);
        billedTo = billedTo == null || billedTo.isEmpty() ? null : List.copyOf(billedTo);
    }

    /** A reconciliation that bills every meter from the register read, as schema 4 sent every one. */
    public PostReconciliation(String restoreId, List<Line> lines, List<CashBookLine> receipts,
            List<AccountPeriod> periods) {
        this(restoreId, lines, receipts, periods, null);
    }

    /** A reconciliation that carries no cash receipt, as schema 1 sent every one. */
    public PostReconciliation(String restoreId, List<Line> lines) {
        this(restoreId, lines, null, null);
    }

    /** A reconciliation that carries no account's period, as schema 2 sent every one. */
    public PostReconciliation(String restoreId, List<Line> lines, List<CashBookLine> receipts) {
        this(restoreId, lines, receipts, null);
    }

    /** The receipts it carries; empty for none. */
    public List<CashBookLine> receiptsCarried() {
        return receipts == null ? List.of() : receipts;
    }

    /** The accounts' periods it carries; empty for none, when every account opens afresh. */
    public List<AccountPeriod> periodsCarried() {
        return periods == null ? List.of() : periods;
    }

    /** The meters billed to another register than the one read; empty for none. */
    public List<BilledTo> billedToCarried() {
        return billedTo == null ? List.of() : billedTo;
    }

    /** The reconciliation's fields as the codec reads them once the fields of schema 3 are there, null or not. */
    private record Fields(String restoreId, List<Line> lines, List<CashBookLine> receipts,
            List<AccountPeriod> periods, List<BilledTo> billedTo) {
    }

    /**
     * Reads the fields as the codec decodes them: a reconciliation of schema 1 has no receipts, one of schema 1
     * or 2 no periods, a period of schema 3 no {@code lowAlertArmed}, and one of schema 4 or before no
     * {@code billedTo}, each read as null.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static PostReconciliation fromTree(ObjectNode tree) {
        tree.putIfAbsent("receipts", tree.nullNode());
        tree.putIfAbsent("periods", tree.nullNode());
        tree.putIfAbsent("billedTo", tree.nullNode());
        Fields fields = MessageCodec.convert(tree, Fields.class);
        return new PostReconciliation(fields.restoreId(), fields.lines(), fields.receipts(), fields.periods(),
                fields.billedTo());
    }
}
