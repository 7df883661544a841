package io.gridside.site.tariff;

/** How often a standing charge falls due, or block consumption starts again: each site day or each month. */
public enum Period {
    DAILY,
    MONTHLY
}
