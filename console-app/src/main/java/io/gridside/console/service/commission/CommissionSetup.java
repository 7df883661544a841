package io.gridside.console.service.commission;

import io.gridside.console.service.ConnectionTarget;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.site.commission.LinkThresholds;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a commissioning day is run with: where new site stores go, the clock, how a session with the gateway opens,
 * who the technician is, and the limits its link check uses.
 *
 * @param folder      the folder where the new site's store is created, as {@code SITE_ID.db}
 * @param clock       the console's clock; the gateway's is set from it
 * @param links       opens a session with the gateway at a target, with the technician's credential
 * @param credential  the technician's credential, which the operator's pack must carry
 * @param key         the technician's private key, which signs the report
 * @param thresholds  the link check's limits
 */
public record CommissionSetup(Path folder, Clock clock, Function<ConnectionTarget, CommissionLink.Opener> links,
        SignedCredential credential, SigningKey key, LinkThresholds thresholds) {

    public CommissionSetup {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(thresholds, "thresholds");
    }
}
