package io.gridside.site.sync;

import java.time.Instant;
import java.util.List;

/**
 * A firmware release record published in the cloud, keyed by product and version.
 *
 * @param product the product it is for
 * @param version its version
 * @param hardwareIds the hardware it runs on
 * @param securityCounter its anti-rollback counter
 * @param notes release notes
 * @param publishedAt when it was published
 */
public record FirmwareRelease(String product, String version, List<String> hardwareIds, long securityCounter,
        String notes, Instant publishedAt) {

    public FirmwareRelease {
        hardwareIds = List.copyOf(hardwareIds);
    }
}
