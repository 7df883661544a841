package io.gridside.link.message;

import java.util.List;

/**
 * The gateway's answer to a {@link PostPayments}: what became of each payment, in the request's order. A refused
 * payment does not stop the others.
 */
public record PaymentsPosted(List<Result> results) implements Message {

    /** What the gateway did with one payment. */
    public enum Outcome {
        /** The payment was new, and the gateway took it; its ledger posts it at its next quarter hour. */
        CREDITED,
        /** A payment under the same reference, customer and amount was taken before; nothing more was. */
        ALREADY_CREDITED,
        /** The payment broke a rule; nothing was credited. */
        REFUSED
    }

    /**
     * The answer for one payment.
     *
     * @param code the rule it broke when refused (section 7 of the protocol), else null
     * @param message one sentence for the technician when refused, else null
     */
    public record Result(String reference, Outcome outcome, String code, String message) {
    }

    public PaymentsPosted {
        results = List.copyOf(results);
    }
}
