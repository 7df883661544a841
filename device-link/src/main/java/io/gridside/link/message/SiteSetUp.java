package io.gridside.link.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's answer to a {@link SetUpSite} it took: whose site it now serves, whose operator key it trusts, and
 * what of the pack it holds.
 *
 * @param operatorKeyId the operator key the gateway trusts from now on, the pack's
 * @param tariffIds the ids of the tariff schedules the pack carried, in the pack's order
 * @param technicianIds the technicians whose credentials the pack carried, in the pack's order
 * @param previousClock the gateway's clock when the request arrived
 * @param clock the gateway's clock once set
 * @param repeated whether the same setup was taken before, so nothing changed
 */
public record SiteSetUp(String siteId, String gatewayId, String operatorKeyId, List<String> tariffIds,
        List<String> technicianIds, Instant previousClock, Instant clock, boolean repeated) implements Message {

    public SiteSetUp {
        Objects.requireNonNull(siteId, "siteId");
        tariffIds = List.copyOf(tariffIds);
        technicianIds = List.copyOf(technicianIds);
    }
}
