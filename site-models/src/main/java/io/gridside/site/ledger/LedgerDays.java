package io.gridside.site.ledger;

import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.history.HistoryDigests;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How both ends cut the ledger into customer days and summarise each, so that a gateway and a console holding the
 * same entries of a customer's day compute the same digest whatever their code.
 *
 * <p>An entry belongs to the site day its time closes: a posting at midnight, which ends the last quarter hour of
 * a day, belongs to the day before. An {@link EntryKind#ADJUSTMENT} belongs instead to the day it corrects, which
 * its reference names first ({@code adjustment:2026-03-02 energy ...}), so that a day corrected later summarises
 * with its correction.
 *
 * <p>The digest is SHA-256 over the deterministic CBOR array {@code [customerId, day, entries]}, the day as ISO
 * text and each entry as {@code [at, kind, amountMinor, reference]} with {@code at} in epoch seconds, in ledger
 * order. Sequence numbers and balances are left out: they carry every other customer's postings and every earlier
 * day, so one day charged wrong would otherwise make every later day of every customer differ.
 */
public final class LedgerDays {

    /** How an adjustment's reference begins; the day it corrects follows. */
    public static final String ADJUSTMENT_PREFIX = "adjustment:";

    private LedgerDays() {
    }

    /** The customer day {@code entry} belongs to, in the site's time zone. */
    public static CustomerDay of(LedgerEntry entry, ZoneId zone) {
        return new CustomerDay(entry.customerId(), dayOf(entry, zone));
    }

    private static LocalDate dayOf(LedgerEntry entry, ZoneId zone) {
        if (entry.kind() == EntryKind.ADJUSTMENT) {
            return correctedDay(entry);
        }
        return entry.at().minusNanos(1).atZone(zone).toLocalDate();
    }

    /**
     * The day an adjustment corrects, as its reference names it.
     *
     * @throws IllegalArgumentException when the reference does not begin with {@value #ADJUSTMENT_PREFIX} and a day
     */
    public static LocalDate correctedDay(LedgerEntry adjustment) {
        String reference = adjustment.reference();
        int end = reference.indexOf(' ');
        if (!reference.startsWith(ADJUSTMENT_PREFIX)) {
            throw new IllegalArgumentException("Adjustment " + adjustment.seq() + " has reference '" + reference
                    + "', which does not name the day it corrects after '" + ADJUSTMENT_PREFIX + "'.");
        }
        String day = reference.substring(ADJUSTMENT_PREFIX.length(), end < 0 ? reference.length() : end);
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Adjustment " + adjustment.seq() + " names '" + day
                    + "' as the day it corrects, which is not a date.", e);
        }
    }

    /** The entries of {@code ledger} by customer day, customer first then day, each in ledger order. */
    public static Map<CustomerDay, List<LedgerEntry>> split(List<LedgerEntry> ledger, ZoneId zone) {
        Map<CustomerDay, List<LedgerEntry>> days = new TreeMap<>();
        for (LedgerEntry entry : ledger) {
            days.computeIfAbsent(of(entry, zone), key -> new ArrayList<>()).add(entry);
        }
        return days;
    }

    /** The digest of every customer day {@code ledger} holds, customer first then day. */
    public static List<LedgerDayDigest> digests(List<LedgerEntry> ledger, ZoneId zone) {
        List<LedgerDayDigest> digests = new ArrayList<>();
        split(ledger, zone).forEach((day, entries) -> digests.add(digest(day, entries)));
        return digests;
    }

    /** The digest of one customer day's entries, given in ledger order. */
    public static LedgerDayDigest digest(CustomerDay day, List<LedgerEntry> entries) {
        return new LedgerDayDigest(day, entries.size(), HistoryDigests.sha256(document(day, entries)));
    }

    /** The deterministic CBOR a customer day's digest is taken over. */
    public static byte[] document(CustomerDay day, List<LedgerEntry> entries) {
        List<Object> rows = new ArrayList<>(entries.size());
        for (LedgerEntry entry : entries) {
            rows.add(List.of(entry.at().getEpochSecond(), entry.kind().name(), entry.amountMinor(),
                    entry.reference()));
        }
        return DeterministicCbor.encode(List.of(day.customerId(), day.day().toString(), rows));
    }
}
