package io.gridside.site;

import java.time.ZoneId;
import java.util.Objects;

/** A site as the gateway describes it: its identity, currency and time zone. */
public record SiteInfo(String siteId, String name, String currency, ZoneId zone) {

    public SiteInfo {
        Validate.id("siteId", siteId);
        Objects.requireNonNull(name, "name");
        Validate.currency(currency);
        Objects.requireNonNull(zone, "zone");
    }
}
