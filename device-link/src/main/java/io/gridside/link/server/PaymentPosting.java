package io.gridside.link.server;

import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PaymentsPosted.Outcome;
import io.gridside.link.message.PostPayments;
import io.gridside.site.Currencies;
import io.gridside.site.TopUp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The gateway's rules for payments a console imported from a file and posts in a {@link PostPayments}. Each
 * payment is judged on its own, and the first rule it breaks is its refusal: its form (a reference, a customer
 * id, an amount from 1 to {@link CashDesk#MAX_AMOUNT_MINOR}, a time of payment no later than the gateway's clock
 * allows, a short source), the site's currency, a known customer; then a reference the gateway already holds, by
 * any channel, is answered as credited before when it names the same customer and amount, and refused as
 * conflicting otherwise; a new payment is taken through the {@link CashDesk.Till}, which dates it by the gateway's
 * clock so that its ledger posts it at its next quarter hour. No cash limit applies: the session's role does (a
 * supervisor's), which the session checks before.
 */
public final class PaymentPosting {

    /** How far a payment's time may be ahead of the gateway's clock: clocks of the books it came from drift. */
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    /** The most characters a payment's source may have. */
    public static final int MAX_SOURCE = 200;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final String currency;

    /** Posting for a site whose currency is {@code currency}. */
    public PaymentPosting(String currency) {
        this.currency = currency;
    }

    /** Judges and takes each payment of {@code request}, in order, by the gateway's {@code clock}. */
    public PaymentsPosted post(PostPayments request, Instant clock, CashDesk.Till till) {
        List<PaymentsPosted.Result> results = new ArrayList<>(request.payments().size());
        for (PostPayments.Payment payment : request.payments()) {
            results.add(post(payment, clock, till));
        }
        return new PaymentsPosted(results);
    }

    private PaymentsPosted.Result post(PostPayments.Payment payment, Instant clock, CashDesk.Till till) {
        String broken = brokenForm(payment, clock);
        if (broken != null) {
            return refused(payment, "PAYMENT_INVALID", broken);
        }
        if (!currency.equals(payment.currency())) {
            return refused(payment, "PAYMENT_CURRENCY_MISMATCH", "This site bills in " + currency + ", not "
                    + payment.currency() + "; import the payment in " + currency + ".");
        }
        String customerId = till.customerOf(payment.customerId(), null);
        if (customerId == null) {
            return refused(payment, "PAYMENT_UNKNOWN_CUSTOMER", "This site has no customer "
                    + payment.customerId() + "; check the customer id in the file.");
        }
        CashDesk.Payment earlier = till.payment(payment.reference());
        if (earlier != null) {
            return answerRepeat(payment, customerId, earlier.topUp());
        }
        till.credit(payment.reference(), customerId, payment.amountMinor(), till.clock(), "imported payment paid "
                + payment.paidAt() + " from " + payment.source());
        return new PaymentsPosted.Result(payment.reference(), Outcome.CREDITED, null, null);
    }

    /** An instant to the second, as people read a time; the nanoseconds of a clock mean nothing to them. */
    private static Object seconds(Instant at) {
        return at == null ? "no time" : at.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String brokenForm(PostPayments.Payment payment, Instant clock) {
        if (payment.reference() == null || !ID.matcher(payment.reference()).matches()) {
            return "The payment reference must be 1-64 letters, digits or . _ : -, starting with a letter or digit.";
        }
        if (payment.customerId() == null || !ID.matcher(payment.customerId()).matches()) {
            return "The customer id of payment " + payment.reference() + " is not an id of this site's form.";
        }
        if (payment.amountMinor() <= 0 || payment.amountMinor() > CashDesk.MAX_AMOUNT_MINOR) {
            return "The amount of payment " + payment.reference() + " must be from 1 to " + CashDesk.MAX_AMOUNT_MINOR
                    + " minor units, was " + payment.amountMinor() + ".";
        }
        if (payment.paidAt() == null || payment.paidAt().isAfter(clock.plus(FUTURE_TOLERANCE))) {
            return "Payment " + payment.reference() + " is dated " + seconds(payment.paidAt())
                    + ", after the gateway's clock (" + seconds(clock) + "); check the time in the file, or the "
                    + "gateway's clock.";
        }
        if (payment.source() == null || payment.source().length() > MAX_SOURCE) {
            return "The source of payment " + payment.reference() + " must be text of at most " + MAX_SOURCE
                    + " characters.";
        }
        return null;
    }

    private PaymentsPosted.Result answerRepeat(PostPayments.Payment payment, String customerId, TopUp earlier) {
        if (earlier.customerId().equals(customerId) && earlier.amountMinor() == payment.amountMinor()) {
            return new PaymentsPosted.Result(payment.reference(), Outcome.ALREADY_CREDITED, null, null);
        }
        return refused(payment, "PAYMENT_REFERENCE_CONFLICT", "The payment reference " + payment.reference()
                + " was already credited, as " + money(earlier.amountMinor()) + " to customer " + earlier.customerId()
                + ", not " + money(payment.amountMinor()) + " to customer " + customerId + "; check the file.");
    }

    private static PaymentsPosted.Result refused(PostPayments.Payment payment, String code, String sentence) {
        return new PaymentsPosted.Result(payment.reference(), Outcome.REFUSED, code, sentence);
    }

    private String money(long minor) {
        return Currencies.written(minor, currency);
    }
}
