package io.gridside.site.commission;

/**
 * The steps of commissioning a site, in the order the workflow shows them. Each is recorded in the site store as
 * done or not, so that a day interrupted (the laptop sleeps, the cable drops) resumes where it stopped.
 */
public enum CommissionStep {
    /** The site created in the console: name, operator, currency, time zone, holidays, location. */
    SITE,
    /** A factory-fresh gateway reached, its identity key pinned, its site, clock and configuration set. */
    GATEWAY,
    /** The operator's pack loaded into the gateway: tariffs and technician credentials issued ahead of time. */
    PACK,
    /** The customers listed, from the operator's CSV or entered on site. */
    CUSTOMERS,
    /** Every customer given one meter by serial. */
    ASSIGN,
    /** Opening balances and tariffs posted to the ledger as opening entries. */
    BALANCES,
    /** Each meter's links checked against the thresholds. */
    LINK_CHECK,
    /** Each meter's relay switched off and on and read back. */
    RELAY_TEST,
    /** A first week billed from simulated consumption, on each customer's tariff. */
    DRY_RUN,
    /** The gateway's billing switched on. */
    GO_LIVE,
    /** The commissioning report signed, kept and queued for sync. */
    REPORT
}
