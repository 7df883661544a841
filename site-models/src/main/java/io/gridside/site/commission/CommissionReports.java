package io.gridside.site.commission;

import java.time.Instant;
import java.util.List;

/** Puts together the commissioning report from what the site store holds of the day. */
public final class CommissionReports {

    private CommissionReports() {
    }

    /**
     * The report of the day: a line per customer with their meter, its link check and relay test where there are,
     * the joined meters given to nobody, and the dry run's totals when it ran.
     */
    public static CommissionReport build(SitePlan plan, String gatewayId, String technicianId,
            List<PlannedCustomer> customers, List<Assignment> assignments, List<JoinedMeter> joined,
            List<LinkCheck> links, List<RelayTest> relays, List<DryRunBill> dryRun, Instant createdAt) {
        throw new UnsupportedOperationException("not yet");
    }
}
