package io.gridside.site.sync;

import java.time.Instant;

/**
 * A tariff version received from the cloud.
 *
 * @param versionId the cloud's id of the version, its key
 * @param effectiveFrom when it takes effect
 * @param tariffJson the tariff as the site's Tariff JSON
 */
public record TariffVersion(String versionId, Instant effectiveFrom, String tariffJson) {
}
