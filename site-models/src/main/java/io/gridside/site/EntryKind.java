package io.gridside.site;

/** Why a ledger entry moved a customer's balance. */
public enum EntryKind {
    /** The balance a customer started with on this site. */
    OPENING,
    /** A payment credited to the account. */
    TOP_UP,
    /** Energy consumed, rated at the tariff. */
    ENERGY,
    /** The daily standing charge. */
    STANDING_CHARGE,
    /** The share of a payment taken to repay a debt (a connection fee, an appliance loan): reference names both. */
    DEBT_RECOVERY
}
