package io.gridside.site;

import java.util.Objects;

/**
 * A prepaid smart meter installed at one customer, and its place in the RF mesh.
 *
 * @param parentId the mesh node this meter routes through: another meter, or the gateway's id
 * @param rssiDbm the received signal strength from the parent, in dBm
 */
public record Meter(String meterId, String serial, String customerId, String parentId, int rssiDbm) {

    public Meter {
        Validate.id("meterId", meterId);
        Validate.id("serial", serial);
        Validate.id("customerId", customerId);
        Objects.requireNonNull(parentId, "parentId");
        if (rssiDbm > 0 || rssiDbm < -140) {
            throw new IllegalArgumentException("rssiDbm must be between -140 and 0, was " + rssiDbm);
        }
    }
}
