package io.gridside.site;

/** What a customer uses electricity for, which shapes the load and the tariff a site gives it. */
public enum CustomerCategory {
    HOUSEHOLD,
    SHOP,
    MILL
}
