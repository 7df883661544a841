package io.gridside.link.message;

import java.time.Instant;
import java.util.List;

/**
 * How far a gateway's commissioning has come.
 *
 * @param factoryFresh whether the gateway has no site yet: no setup has been taken
 * @param siteId the site it serves, or null while factory-fresh
 * @param operatorKeyId the operator key it trusts, or null while factory-fresh
 * @param clockSet whether its clock was set by a setup
 * @param joinedMeters how many meters have joined its mesh
 * @param commissionedCustomers the ids of the customers commissioned, in the order they were
 * @param liveAt when billing began, or null before go-live
 */
public record CommissioningState(boolean factoryFresh, String siteId, String operatorKeyId, boolean clockSet,
        int joinedMeters, List<String> commissionedCustomers, Instant liveAt) implements Message {

    public CommissioningState {
        commissionedCustomers = List.copyOf(commissionedCustomers);
    }
}
