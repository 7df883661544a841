package io.gridside.billing;

/**
 * The site's settings for its credit state machine, kept beside the tariff so that rating and credit change
 * apart. All amounts are in minor units.
 *
 * @param lowAlertHysteresisMinor how far above the tariff's low-credit threshold a balance must climb before a
 *     new fall below it alerts again, so that a balance hovering at the threshold alerts once
 * @param emergencyCapMinor how far below zero a customer may draw on emergency credit before disconnection;
 *     0 for no emergency credit
 * @param reconnectMinor the balance a disconnected customer must reach to be reconnected, less the part of
 *     their emergency debt they may carry on (see {@code reconnectSharePercent})
 * @param reconnectSharePercent the share of the emergency debt, from 0 to 100, that must be repaid before
 *     reconnection; the rest stays as a negative balance, drawn on the emergency credit again
 * @param graceEnabled whether the site calendar's night, weekend and holidays defer disconnection
 */
public record CreditPolicy(long lowAlertHysteresisMinor, long emergencyCapMinor, long reconnectMinor,
        int reconnectSharePercent, boolean graceEnabled) {

    /** Off at zero, on again above zero, no emergency credit, no grace: the engine's behaviour before policies. */
    public static final CreditPolicy PLAIN = new CreditPolicy(0, 0, 1, 100, false);

    public CreditPolicy {
        if (lowAlertHysteresisMinor < 0) {
            throw new IllegalArgumentException(
                    "lowAlertHysteresisMinor must not be negative, was " + lowAlertHysteresisMinor);
        }
        if (emergencyCapMinor < 0) {
            throw new IllegalArgumentException("emergencyCapMinor must not be negative, was " + emergencyCapMinor);
        }
        if (reconnectMinor < 1) {
            throw new IllegalArgumentException("reconnectMinor must be at least 1, was " + reconnectMinor);
        }
        if (reconnectSharePercent < 0 || reconnectSharePercent > 100) {
            throw new IllegalArgumentException(
                    "reconnectSharePercent must be between 0 and 100, was " + reconnectSharePercent);
        }
    }

    public boolean emergencyCredit() {
        return emergencyCapMinor > 0;
    }
}
