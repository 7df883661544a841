package io.gridside.link.server;

import io.gridside.link.message.BeginRestore;
import io.gridside.site.cash.CashBookLine;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Where a gateway keeps its cash book: each credential's book code, running receipt number and cash taken, every
 * receipt it issued and every void, kept durably so that a restart neither reuses nor skips a receipt number nor
 * forgets cash taken. {@link CashDesk} decides; the book only records, each change in one write.
 */
public interface CashBook {

    /** The fewest hex digits of a credential's id that make its book code. */
    int CODE_DIGITS = 6;

    /**
     * A receipt the book holds, with its void if it has one.
     *
     * @param line the receipt's line
     * @param voided the line of its void, or null while it stands
     */
    record Receipt(CashBookLine line, CashBookLine voided) {
    }

    /** The cash taken so far under the credential {@code credentialId}, voided receipts included. */
    long usedMinor(String credentialId);

    /** The receipt issued for the payment {@code reference}, or null when the book has none. */
    Receipt byReference(String reference);

    /** The receipt numbered {@code receipt}, or null when the book has none. */
    Receipt byNumber(String receipt);

    /**
     * Issues the credential's next receipt number for a payment and counts its cash against the credential, both
     * in one write; a credential the book has not met gets its book code first.
     *
     * @return the receipt's line
     */
    CashBookLine issue(CashAllowance allowance, String reference, String customerId, long amountMinor,
            String currency, Instant paidAt);

    /**
     * Records the void of a standing receipt; the cash the credential took stays counted.
     *
     * @return the void's line
     */
    CashBookLine voidReceipt(String receipt, String voidedBy, String reason, Instant voidedAt);

    /** Every line dated in [from, to), receipts and voids, in time order and then by receipt. */
    List<CashBookLine> lines(Instant from, Instant to);

    /** A book kept in memory only, which a restart forgets: for tests and gateways without storage. */
    static CashBook inMemory() {
        return new MemoryCashBook();
    }

    /**
     * A book in memory that goes on with the receipt books a dead gateway kept (protocol section 6.35): a
     * credential whose book code is one of theirs numbers its receipts on from that book's last and has the cash
     * taken under it counted against its limit. The earlier books' receipts themselves are not held.
     */
    static CashBook inMemoryContinuing(List<BeginRestore.ReceiptBook> books) {
        return new MemoryCashBook(books, List.of());
    }

    /**
     * A book in memory that goes on with {@code books} and holds {@code receipts}: receipts the dead gateway issued
     * after the books were pulled, entered from their slips (protocol section 6.32). The book holds each as one it
     * issued, and the credential whose book code a receipt's number begins with numbers on from the highest such
     * number and has the receipt's cash counted against its limit.
     *
     * @throws IllegalArgumentException when a receipt is not a receipt line, or its number or reference is
     *     another receipt's
     */
    static CashBook inMemoryContinuing(List<BeginRestore.ReceiptBook> books, List<CashBookLine> receipts) {
        return new MemoryCashBook(books, receipts);
    }

    /** The book code a receipt number begins with: what comes before its last dash. */
    static String codeOf(String receipt) {
        int dash = receipt.lastIndexOf('-');
        if (dash < 1 || dash == receipt.length() - 1) {
            throw new IllegalArgumentException("A receipt number is a book code, a dash and a number, not '"
                    + receipt + "'.");
        }
        return receipt.substring(0, dash);
    }

    /** The running number of a receipt number: what comes after its last dash. */
    static long numberOf(String receipt) {
        try {
            return Long.parseLong(receipt.substring(codeOf(receipt).length() + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A receipt number ends in its running number, not '" + receipt
                    + "'.", e);
        }
    }

    /**
     * The book code of a credential: the first {@value #CODE_DIGITS} hex digits of its id in capitals, or more
     * while a shorter code is another credential's, so two credentials never share one.
     */
    static String codeFor(String credentialId, Predicate<String> takenByAnother) {
        String id = credentialId.toUpperCase(Locale.ROOT);
        int digits = Math.min(CODE_DIGITS, id.length());
        while (digits < id.length() && takenByAnother.test(id.substring(0, digits))) {
            digits++;
        }
        return id.substring(0, digits);
    }

    /** The number of a credential's {@code number}-th receipt: its book code, a dash, and at least four digits. */
    static String receiptNumber(String code, long number) {
        return String.format(Locale.ROOT, "%s-%04d", code, number);
    }
}
