package io.gridside.site.sync.api;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The shapes of the items of each up stream. Every item carries {@code seq}, its outbox seq in the stream; the
 * payments and readings streams tell their shapes apart by {@code kind}.
 */
public final class UpItems {

    /** The {@code kind} of a {@link TopUp}. */
    public static final String TOPUP = "topup";
    /** The {@code kind} of a {@link Credit}. */
    public static final String CREDIT = "credit";
    /** The {@code kind} of a {@link Payment}. */
    public static final String PAYMENT = "payment";
    /** The {@code kind} of a {@link Block}. */
    public static final String BLOCK = "block";
    /** The {@code kind} of a {@link Blocks}. */
    public static final String BLOCKS = "blocks";
    /** The {@code kind} of a {@link Topology}. */
    public static final String TOPOLOGY = "topology";
    /** The {@code kind} of a {@link CommissionReport}, on the events stream beside the site's events. */
    public static final String COMMISSION_REPORT = "commissionReport";

    private UpItems() {
    }

    /** Payments: a ledger entry that credited a customer. */
    public record TopUp(long seq, String kind, long ledgerSeq, String customerId, long amountMinor, String reference,
            Instant at) {
    }

    /** Payments: a meter's credit state as the store last knew it. */
    public record Credit(long seq, String kind, String meterId, long balanceMinor, String currency,
            String creditState, String relay, Instant at) {
    }

    /** Payments: an imported or remote payment and its state on the way to the gateway. */
    public record Payment(long seq, String kind, String reference, String customerId, long amountMinor,
            String currency, Instant paidAt, String source, String state) {
    }

    /**
     * Ledger: one entry; {@code seq} is the ledger seq and {@code kind} the entry's {@link EntryKind} name.
     *
     * @param hash the entry's chain hash, lower-case hex; null in batch format 2, where the cloud computes it from
     *     the batch's {@code prevHash} and checks the batch's {@code lastHash}
     */
    public record Ledger(long seq, Instant at, String customerId, String kind, long amountMinor,
            long balanceAfterMinor, String reference, String hash) {

        /** The item of {@code entry} with its chain hash. */
        public static Ledger of(LedgerEntry entry, String hash) {
            return new Ledger(entry.seq(), entry.at(), entry.customerId(), entry.kind().name(), entry.amountMinor(),
                    entry.balanceAfterMinor(), entry.reference(), hash);
        }

        /**
         * The entry this item carries.
         *
         * @throws IllegalArgumentException when a field does not make an entry
         */
        public LedgerEntry entry() {
            return new LedgerEntry(seq, at, customerId, EntryKind.valueOf(kind), amountMinor, balanceAfterMinor,
                    reference);
        }
    }

    /** Events: one entry of the site's event log; {@code kind} is its event kind's name. */
    public record Event(long seq, long id, Instant at, String source, String kind, Map<String, String> details) {
    }

    /**
     * Events: a signed commissioning report; the cloud keeps it by its report id once its signature holds.
     *
     * @param technicianKey the raw Ed25519 public key that signed, base64
     * @param signed        the report's deterministic CBOR, base64
     * @param signature     the Ed25519 signature of {@code signed}, base64
     * @param at            when it was signed
     */
    public record CommissionReport(long seq, String kind, String reportId, String siteId, String technicianId,
            String technicianKey, String signed, String signature, Instant at) {
    }

    /**
     * Readings: one meter's block of a UTC day; the cloud keeps, per meter and day, the block with most readings.
     *
     * @param block the block's stored encoding, base64
     */
    public record Block(long seq, String kind, String meterId, LocalDate day, int readings, String block) {
    }

    /**
     * Readings: many blocks compressed together; the i-th block is {@code seqs[i]}'s, of {@code meterIds[i]} and
     * {@code days[i]}, holding {@code readings[i]} readings, and its stored encoding is {@code 0x00} followed by the
     * i-th body of {@code bodies} ({@link BlockBodies}). The item's own {@code seq} is its first block's.
     *
     * @param bodies  the blocks' raw bodies packed by {@link BlockBodies#pack}, base64
     * @param packing how the bodies are packed: {@link BlockBodies#XZ} in batch format 3; left out (null) in format
     *                2, where they are raw-deflated
     */
    public record Blocks(long seq, String kind, List<Long> seqs, List<String> meterIds, List<LocalDate> days,
            List<Integer> readings, String bodies, String packing) {
    }

    /**
     * Readings: a topology (link history) snapshot.
     *
     * @param snapshot the snapshot's stored encoding, base64
     */
    public record Topology(long seq, String kind, Instant at, String snapshot) {
    }

    /**
     * Customers: a local edit of a customer's reference field.
     *
     * @param field {@code name}, {@code phone} or {@code address}
     * @param hlc the edit's hybrid logical clock, in its text form
     */
    public record CustomerField(long seq, String customerId, String field, String value, String hlc) {
    }
}
