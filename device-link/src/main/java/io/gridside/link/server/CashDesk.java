package io.gridside.link.server;

import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.CashVoid;
import io.gridside.link.message.CashVoided;
import io.gridside.site.Currencies;
import io.gridside.site.TopUp;
import io.gridside.site.cash.CashBookLine;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The gateway's rules for cash that technicians credit on site, with its {@link CashBook} of receipts, voids and
 * cash taken per credential. A gateway keeps one desk for as long as it keeps its ledger, and hands it every
 * {@link CashTopUp} with the session's {@link CashAllowance}, and every {@link CashVoid} with the supervisor
 * asking, with its own customers and ledger as the {@link Till}.
 *
 * <p>A request is checked in this order, and the first rule it breaks is the refusal: its form (a positive
 * amount, a reference, one customer or meter id, a short note), the site's currency, a known customer; then
 * a reference the gateway already holds is answered as credited before when it names the same customer and
 * amount, and refused as conflicting otherwise, without counting against any limit; a new payment is taken
 * only if it fits in what the credential may still credit, and gets the credential's next receipt number. A
 * reference whose receipt was voided is refused: its cash was given back, and new cash needs a new reference.
 *
 * <p>A void takes the payment's credit back through the till, but not the credential's count of cash taken: a
 * technician cannot make room under the offline limit by having receipts voided, and a supervisor may not void
 * a receipt of their own. Thread-safe: one request at a time.
 */
public final class CashDesk {

    /**
     * The largest cash payment taken at once, in minor units: far above any payment at a kiosk, and far enough
     * below the range of a balance that no number of payments can overflow one.
     */
    public static final long MAX_AMOUNT_MINOR = 10_000_000_000L;

    /** The most characters a note may have. */
    public static final int MAX_NOTE = 200;
    /** A payment reference: what the site's ledger accepts as an id. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /**
     * A payment the gateway holds, from whatever channel took it.
     *
     * @param balanceAfterMinor the customer's balance after it once it is in the ledger, else null
     */
    public record Payment(TopUp topUp, Long balanceAfterMinor) {
    }

    /** The gateway's side of a top-up: its customers and its ledger. */
    public interface Till {

        /** The id of the customer that {@code customerId} or {@code meterId} (the other one null) names, or null. */
        String customerOf(String customerId, String meterId);

        /** The payment the gateway took under {@code reference} by any channel, or null when it took none. */
        Payment payment(String reference);

        /**
         * The date a payment or void taken now gets: the gateway's clock, and never within a quarter hour the
         * gateway has billed already.
         */
        Instant clock();

        /** Takes a new payment dated {@code at}, so that it reaches the ledger; returns it. */
        Payment credit(String reference, String customerId, long amountMinor, Instant at, String note);

        /** Takes the credit of the payment {@code reference} back, as a void dated {@code at}: a correcting entry. */
        void reverse(String reference, String customerId, long amountMinor, Instant at);
    }

    private final String currency;
    private final CashBook book;

    /** A desk for a site whose currency is {@code currency}, with a book in memory only. */
    public CashDesk(String currency) {
        this(currency, CashBook.inMemory());
    }

    /** A desk for a site whose currency is {@code currency}, recording in {@code book}. */
    public CashDesk(String currency, CashBook book) {
        this.currency = currency;
        this.book = book;
    }

    /**
     * Credits {@code request} through {@code till} if every rule holds.
     *
     * @throws CashRefusedException with the code of the first rule the request breaks
     */
    public synchronized CashReceipt take(CashTopUp request, CashAllowance allowance, Till till)
            throws CashRefusedException {
        checkForm(request);
        String customerId = till.customerOf(request.customerId(), request.meterId());
        if (customerId == null) {
            throw new CashRefusedException("CASH_UNKNOWN_CUSTOMER", "This site has no "
                    + (request.customerId() != null ? "customer " + request.customerId()
                            : "meter " + request.meterId()) + "; check the id on the customer's card.");
        }
        long used = usedMinor(allowance.credentialId());
        CashBook.Receipt held = book.byReference(request.reference());
        Payment earlier = till.payment(request.reference());
        if (held != null || earlier != null) {
            TopUp topUp = earlier != null ? earlier.topUp() : topUpOf(held.line());
            checkSamePayment(request, customerId, topUp);
            checkSameHand(request, allowance, held);
            checkStanding(held);
            Payment payment = earlier != null ? earlier : new Payment(topUp, null);
            return receipt(CashReceipt.Outcome.ALREADY_CREDITED, payment, allowance, used,
                    held == null ? null : held.line().receipt());
        }
        long remaining = allowance.limitMinor() - used;
        if (request.amountMinor() > remaining) {
            throw new CashRefusedException("CASH_LIMIT_EXCEEDED", "Crediting " + money(request.amountMinor())
                    + " would pass the offline cash limit of the credential of " + allowance.technicianId()
                    + ": limit " + money(allowance.limitMinor()) + ", credited " + money(used) + ", remaining "
                    + money(remaining) + "; credit less, or have the payment made by another channel.");
        }
        // The book first: a payment the book could not record is not taken, and one it holds survives a restart.
        Instant at = till.clock();
        CashBookLine line = book.issue(allowance, request.reference(), customerId, request.amountMinor(), currency,
                at);
        Payment payment = till.credit(request.reference(), customerId, request.amountMinor(), at, request.note());
        return receipt(CashReceipt.Outcome.CREDITED, payment, allowance, used + request.amountMinor(),
                line.receipt());
    }

    /**
     * Voids the receipt {@code request} names for the supervisor {@code supervisorId}, taking its credit back
     * through {@code till}; a receipt void already is answered as such, and nothing more is posted.
     *
     * @throws CashRefusedException {@code CASH_INVALID} for a reason that is blank or too long,
     *     {@code CASH_UNKNOWN_RECEIPT} for a number the book does not hold, {@code CASH_OWN_RECEIPT} for a
     *     receipt the supervisor's own credential took
     */
    public synchronized CashVoided voidReceipt(CashVoid request, String supervisorId, Till till)
            throws CashRefusedException {
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > MAX_NOTE) {
            throw invalid("Say why the receipt is voided, in 1 to " + MAX_NOTE + " characters.");
        }
        CashBook.Receipt held = request.receipt() == null ? null : book.byNumber(request.receipt());
        if (held == null) {
            throw new CashRefusedException("CASH_UNKNOWN_RECEIPT", "This gateway issued no receipt "
                    + request.receipt() + "; check the number printed on the receipt, such as 3FA2C9-0007.");
        }
        CashBookLine line = held.line();
        if (held.voided() != null) {
            return voided(CashVoided.Outcome.ALREADY_VOIDED, line, held.voided());
        }
        if (line.technicianId().equals(supervisorId)) {
            throw new CashRefusedException("CASH_OWN_RECEIPT", "Receipt " + line.receipt() + " was taken under "
                    + "your own credential, " + supervisorId + "; another supervisor must void it.");
        }
        Instant at = till.clock();
        CashBookLine voided = book.voidReceipt(line.receipt(), supervisorId, request.reason().strip(), at);
        till.reverse(line.reference(), line.customerId(), line.amountMinor(), at);
        return voided(CashVoided.Outcome.VOIDED, line, voided);
    }

    /** The cash credited so far under the credential {@code credentialId}, in minor units, voids not deducted. */
    public synchronized long usedMinor(String credentialId) {
        return book.usedMinor(credentialId);
    }

    /** The book's lines dated in [from, to): its receipts and voids. */
    public synchronized List<CashBookLine> lines(Instant from, Instant to) {
        return book.lines(from, to);
    }

    private static TopUp topUpOf(CashBookLine line) {
        return new TopUp(line.reference(), line.customerId(), line.amountMinor(), line.at());
    }

    private void checkStanding(CashBook.Receipt held) throws CashRefusedException {
        if (held != null && held.voided() != null) {
            CashBookLine voided = held.voided();
            throw new CashRefusedException("CASH_RECEIPT_VOIDED", "The payment reference " + voided.reference()
                    + " was credited under receipt " + voided.receipt() + ", which " + voided.voidedBy()
                    + " voided (" + voided.reason() + "); new cash needs a new reference.");
        }
    }

    private static CashVoided voided(CashVoided.Outcome outcome, CashBookLine receipt, CashBookLine voided) {
        return new CashVoided(outcome, receipt.receipt(), receipt.reference(), receipt.customerId(),
                receipt.amountMinor(), receipt.currency(), receipt.technicianId(), receipt.at(), voided.at(),
                voided.voidedBy(), voided.reason());
    }

    private void checkForm(CashTopUp request) throws CashRefusedException {
        if (request.amountMinor() <= 0) {
            throw invalid("The amount must be more than nothing, was " + money(request.amountMinor()) + ".");
        }
        if (request.amountMinor() > MAX_AMOUNT_MINOR) {
            throw invalid("One cash payment may be at most " + money(MAX_AMOUNT_MINOR) + ", was "
                    + money(request.amountMinor()) + "; check the amount.");
        }
        if (request.reference() == null || !REFERENCE.matcher(request.reference()).matches()) {
            throw invalid("The payment reference must be 1-64 letters, digits or . _ : -, starting with a letter "
                    + "or digit; write the receipt's number.");
        }
        if ((request.customerId() == null) == (request.meterId() == null)) {
            throw invalid("Name the customer by customer id or by meter id, one of the two.");
        }
        if (request.note() == null || request.note().length() > MAX_NOTE) {
            throw invalid("The note must be text of at most " + MAX_NOTE + " characters.");
        }
        if (!currency.equals(request.currency())) {
            throw new CashRefusedException("CASH_CURRENCY_MISMATCH", "This site bills in " + currency
                    + ", not " + request.currency() + "; credit the amount in " + currency + ".");
        }
    }

    private static CashRefusedException invalid(String sentence) {
        return new CashRefusedException("CASH_INVALID", sentence);
    }

    private void checkSamePayment(CashTopUp request, String customerId, TopUp earlier) throws CashRefusedException {
        if (!earlier.customerId().equals(customerId) || earlier.amountMinor() != request.amountMinor()) {
            throw new CashRefusedException("CASH_REFERENCE_CONFLICT", "The payment reference "
                    + request.reference() + " was already credited, as " + money(earlier.amountMinor())
                    + " to customer " + earlier.customerId() + ", not " + money(request.amountMinor())
                    + " to customer " + customerId + "; check the receipt, and use its own reference.");
        }
    }

    /**
     * A repeat is a retry only from the technician who took the cash. Cash another technician took under the same
     * reference, or a payment that came by another channel (mobile money, an import), is not this technician's: taken
     * as already credited, the cash in their hand would be in no one's cash-up.
     */
    private static void checkSameHand(CashTopUp request, CashAllowance allowance, CashBook.Receipt held)
            throws CashRefusedException {
        if (held == null) {
            throw new CashRefusedException("CASH_REFERENCE_CONFLICT", "The payment reference " + request.reference()
                    + " was already credited, but not as cash on site; if you took this cash, give it a reference "
                    + "of its own.");
        }
        if (!held.line().technicianId().equals(allowance.technicianId())) {
            throw new CashRefusedException("CASH_REFERENCE_CONFLICT", "The payment reference " + request.reference()
                    + " was already taken in cash by " + held.line().technicianId() + " under receipt "
                    + held.line().receipt() + "; if you took this cash too, give it a reference of its own.");
        }
    }

    private CashReceipt receipt(CashReceipt.Outcome outcome, Payment payment, CashAllowance allowance, long used,
            String number) {
        TopUp topUp = payment.topUp();
        return new CashReceipt(outcome, topUp.reference(), topUp.customerId(), topUp.amountMinor(), currency,
                topUp.at(), payment.balanceAfterMinor(), allowance.limitMinor(), used,
                Math.max(0, allowance.limitMinor() - used), number);
    }

    private String money(long minor) {
        return Currencies.written(minor, currency);
    }
}
