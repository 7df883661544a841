package io.gridside.link.server;

import io.gridside.link.message.BeginRestore;
import io.gridside.site.cash.CashBookLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A cash book in memory; see {@link CashBook#inMemory}. Thread-safe. */
final class MemoryCashBook implements CashBook {

    /** What the book holds of one credential. */
    private static final class Credential {
        private final String code;
        private long lastNumber;
        private long usedMinor;

        Credential(String code) {
            this.code = code;
        }
    }

    private final Map<String, Credential> credentials = new HashMap<>();
    private final Map<String, Receipt> byNumber = new HashMap<>();
    private final Map<String, String> numberByReference = new HashMap<>();
    /** The books another gateway kept, by code, which the credential whose code it is goes on with. */
    private final Map<String, BeginRestore.ReceiptBook> earlier = new HashMap<>();

    MemoryCashBook() {
        this(List.of(), List.of());
    }

    /** A book that goes on with {@code books} and holds {@code receipts}: see {@link CashBook#inMemoryContinuing}. */
    MemoryCashBook(List<BeginRestore.ReceiptBook> books, List<CashBookLine> receipts) {
        books.forEach(book -> earlier.put(book.code(), book));
        for (CashBookLine line : receipts) {
            if (line.kind() != CashBookLine.Kind.RECEIPT || byNumber.containsKey(line.receipt())
                    || numberByReference.containsKey(line.reference())) {
                throw new IllegalArgumentException("Receipt " + line.receipt() + " of " + line.reference()
                        + " is no receipt, or its number or reference is another receipt's.");
            }
            String code = CashBook.codeOf(line.receipt());
            long number = CashBook.numberOf(line.receipt());
            BeginRestore.ReceiptBook book = earlier.get(code);
            earlier.put(code, book == null ? new BeginRestore.ReceiptBook(code, number, line.amountMinor())
                    : new BeginRestore.ReceiptBook(code, Math.max(book.lastNumber(), number),
                            Math.addExact(book.takenMinor(), line.amountMinor())));
            byNumber.put(line.receipt(), new Receipt(line, null));
            numberByReference.put(line.reference(), line.receipt());
        }
    }

    @Override
    public synchronized long usedMinor(String credentialId) {
        Credential credential = credentials.get(credentialId);
        if (credential != null) {
            return credential.usedMinor;
        }
        BeginRestore.ReceiptBook book = earlier.get(codeOf(credentialId));
        return book == null ? 0 : book.takenMinor();
    }

    /** The code a credential the book has not met gets, which is that of an earlier book it goes on with. */
    private String codeOf(String credentialId) {
        return CashBook.codeFor(credentialId, code -> credentials.values().stream().anyMatch(c -> c.code.equals(code)));
    }

    private Credential credential(String credentialId) {
        return credentials.computeIfAbsent(credentialId, id -> {
            Credential credential = new Credential(codeOf(id));
            BeginRestore.ReceiptBook book = earlier.remove(credential.code);
            if (book != null) {
                credential.lastNumber = book.lastNumber();
                credential.usedMinor = book.takenMinor();
            }
            return credential;
        });
    }

    @Override
    public synchronized Receipt byReference(String reference) {
        String number = numberByReference.get(reference);
        return number == null ? null : byNumber.get(number);
    }

    @Override
    public synchronized Receipt byNumber(String receipt) {
        return byNumber.get(receipt);
    }

    @Override
    public synchronized CashBookLine issue(CashAllowance allowance, String reference, String customerId,
            long amountMinor, String currency, Instant paidAt) {
        Credential credential = credential(allowance.credentialId());
        credential.lastNumber++;
        credential.usedMinor = Math.addExact(credential.usedMinor, amountMinor);
        String number = CashBook.receiptNumber(credential.code, credential.lastNumber);
        CashBookLine line = new CashBookLine(CashBookLine.Kind.RECEIPT, number, allowance.technicianId(), reference,
                customerId, amountMinor, currency, paidAt, null, null);
        byNumber.put(number, new Receipt(line, null));
        numberByReference.put(reference, number);
        return line;
    }

    @Override
    public synchronized CashBookLine voidReceipt(String receipt, String voidedBy, String reason, Instant voidedAt) {
        Receipt held = byNumber.get(receipt);
        if (held == null || held.voided() != null) {
            throw new IllegalStateException("Receipt " + receipt + " is not a standing receipt of this book.");
        }
        CashBookLine line = held.line();
        CashBookLine voided = new CashBookLine(CashBookLine.Kind.VOID, receipt, line.technicianId(),
                line.reference(), line.customerId(), line.amountMinor(), line.currency(), voidedAt, voidedBy, reason);
        byNumber.put(receipt, new Receipt(line, voided));
        return voided;
    }

    @Override
    public synchronized List<CashBookLine> lines(Instant from, Instant to) {
        List<CashBookLine> lines = new ArrayList<>();
        for (Receipt receipt : byNumber.values()) {
            lines.add(receipt.line());
            if (receipt.voided() != null) {
                lines.add(receipt.voided());
            }
        }
        return lines.stream()
                .filter(line -> !line.at().isBefore(from) && line.at().isBefore(to))
                .sorted(Comparator.comparing(CashBookLine::at).thenComparing(CashBookLine::receipt)
                        .thenComparing(CashBookLine::kind))
                .toList();
    }
}
