package io.gridside.site.ledger;

import io.gridside.site.EntryKind;

/**
 * The accounts the ledger's postings move money between. Every entry moves its amount between the customer's
 * credit and the one counter-account its kind names: a positive amount debits the counter-account and credits
 * the customer, a negative one the reverse.
 */
public enum LedgerAccount {
    /** What the site owes its customers: their prepaid credit (a liability). */
    CUSTOMER_CREDIT,
    /** Payments received, in cash or by mobile money, not yet banked. */
    CASH_CLEARING,
    /** Balances customers brought to the site when their accounts opened. */
    OPENING_BALANCES,
    /** Energy sold, with what a month fell short of its minimum charge. */
    ENERGY_REVENUE,
    /** Standing charges. */
    STANDING_CHARGE_REVENUE,
    /** Taxes collected, owed to the authority. */
    TAX_PAYABLE,
    /** Levies collected, owed to the fund that set them. */
    LEVY_PAYABLE,
    /** Debts customers owe the site (connection fees, appliance loans), reduced by recovery. */
    DEBT_RECEIVABLE,
    /** Corrections of earlier charges that re-rating found wrong, kept apart so that revenue stays as posted. */
    BILLING_ADJUSTMENTS;

    /** The account an entry of {@code kind} moves money against, besides the customer's credit. */
    public static LedgerAccount counterOf(EntryKind kind) {
        return switch (kind) {
            case OPENING -> OPENING_BALANCES;
            case TOP_UP -> CASH_CLEARING;
            case ENERGY, MINIMUM_CHARGE -> ENERGY_REVENUE;
            case STANDING_CHARGE -> STANDING_CHARGE_REVENUE;
            case TAX -> TAX_PAYABLE;
            case LEVY -> LEVY_PAYABLE;
            case DEBT_RECOVERY -> DEBT_RECEIVABLE;
            case ADJUSTMENT -> BILLING_ADJUSTMENTS;
        };
    }
}
