package io.gridside.link.message;

import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;

/**
 * The site as the gateway describes it: identity, tariff and size. The customers and meters themselves come
 * by {@link GetRoster}, a stream, since a large site's roster does not fit one frame.
 */
public record SiteReply(SiteInfo site, Tariff tariff, int meterCount) implements Message {
}
