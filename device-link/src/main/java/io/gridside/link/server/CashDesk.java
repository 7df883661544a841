package io.gridside.link.server;

import io.gridside.link.message.CashReceipt;
import io.gridside.link.message.CashTopUp;
import io.gridside.site.Currencies;
import io.gridside.site.TopUp;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gateway's rules for cash that technicians credit on site, and its count of that cash per credential. A
 * gateway keeps one desk for as long as it keeps its ledger, and hands it every {@link CashTopUp} with the
 * session's {@link CashAllowance} and its own customers and ledger as the {@link Till}.
 *
 * <p>A request is checked in this order, and the first rule it breaks is the refusal: its form (a positive
 * amount, a reference, one customer or meter id, a short note), the site's currency, a known customer; then
 * a reference the gateway already holds is answered as credited before when it names the same customer and
 * amount, and refused as conflicting otherwise, without counting against any limit; a new payment is taken
 * only if it fits in what the credential may still credit. Thread-safe: one request at a time.
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

        /** Takes a new payment, dated by the gateway's clock, so that it reaches the ledger; returns it. */
        Payment credit(String reference, String customerId, long amountMinor, String note);
    }

    private final String currency;
    private final Map<String, Long> usedByCredential = new HashMap<>();

    /** A desk for a site whose currency is {@code currency}. */
    public CashDesk(String currency) {
        this.currency = currency;
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
        Payment earlier = till.payment(request.reference());
        if (earlier != null) {
            checkSamePayment(request, customerId, earlier.topUp());
            return receipt(CashReceipt.Outcome.ALREADY_CREDITED, earlier, allowance, used);
        }
        long remaining = allowance.limitMinor() - used;
        if (request.amountMinor() > remaining) {
            throw new CashRefusedException("CASH_LIMIT_EXCEEDED", "Crediting " + money(request.amountMinor())
                    + " would pass the offline cash limit of the credential of " + allowance.technicianId()
                    + ": limit " + money(allowance.limitMinor()) + ", credited " + money(used) + ", remaining "
                    + money(remaining) + "; credit less, or have the payment made by another channel.");
        }
        Payment payment = till.credit(request.reference(), customerId, request.amountMinor(), request.note());
        used += request.amountMinor();
        usedByCredential.put(allowance.credentialId(), used);
        return receipt(CashReceipt.Outcome.CREDITED, payment, allowance, used);
    }

    /** The cash credited so far under the credential {@code credentialId}, in minor units. */
    public synchronized long usedMinor(String credentialId) {
        return usedByCredential.getOrDefault(credentialId, 0L);
    }

    private void checkForm(CashTopUp request) throws CashRefusedException {
        if (request.amountMinor() <= 0) {
            throw invalid("The amount must be more than nothing, was " + request.amountMinor() + " minor units.");
        }
        if (request.amountMinor() > MAX_AMOUNT_MINOR) {
            throw invalid("One cash payment may be at most " + MAX_AMOUNT_MINOR + " minor units, was "
                    + request.amountMinor() + "; check the amount.");
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

    private CashReceipt receipt(CashReceipt.Outcome outcome, Payment payment, CashAllowance allowance, long used) {
        TopUp topUp = payment.topUp();
        return new CashReceipt(outcome, topUp.reference(), topUp.customerId(), topUp.amountMinor(), currency,
                topUp.at(), payment.balanceAfterMinor(), allowance.limitMinor(), used,
                Math.max(0, allowance.limitMinor() - used));
    }

    private String money(long minor) {
        return currency + " " + Currencies.toDecimal(minor, currency).toPlainString();
    }
}
