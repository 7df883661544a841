package io.gridside.site;

/**
 * A debt a customer repays out of their top-ups: a connection fee or an appliance loan, recovered as a set share
 * of each payment until it is paid off.
 *
 * @param principalMinor what the customer owes when the debt is opened, in minor units
 * @param sharePercent the share of each top-up taken for this debt, from 1 to 100, rounded down to a minor unit
 */
public record Debt(String debtId, String customerId, Kind kind, long principalMinor, int sharePercent) {

    /** What the debt is for. */
    public enum Kind {
        CONNECTION_FEE,
        APPLIANCE_LOAN
    }

    public Debt {
        Validate.id("debtId", debtId);
        Validate.id("customerId", customerId);
        if (kind == null) {
            throw new IllegalArgumentException("kind must be given");
        }
        if (principalMinor <= 0) {
            throw new IllegalArgumentException("principalMinor must be positive, was " + principalMinor);
        }
        if (sharePercent < 1 || sharePercent > 100) {
            throw new IllegalArgumentException("sharePercent must be between 1 and 100, was " + sharePercent);
        }
    }
}
