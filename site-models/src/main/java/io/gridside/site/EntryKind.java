package io.gridside.site;

/** Why a ledger entry moved a customer's balance. */
public enum EntryKind {
    /** The balance a customer started with on this site. */
    OPENING,
    /** A payment credited to the account. */
    TOP_UP,
    /** Energy consumed, rated at the tariff. */
    ENERGY,
    /** The standing charge of a day, or of a month on its due day. */
    STANDING_CHARGE,
    /** A tax line of the tariff, charged with the energy. */
    TAX,
    /** A levy line of the tariff, charged with the energy. */
    LEVY,
    /** What a month's energy charge fell short of the tariff's minimum monthly charge. */
    MINIMUM_CHARGE,
    /** The share of a payment taken to repay a debt (a connection fee, an appliance loan): reference names both. */
    DEBT_RECOVERY,
    /**
     * A correction of what re-rating found charged wrong on an earlier site day, posted instead of editing the
     * entries it corrects: positive gives back, negative charges more. Its reference names the day and the line.
     */
    ADJUSTMENT
}
