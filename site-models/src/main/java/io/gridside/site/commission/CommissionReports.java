package io.gridside.site.commission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        return build(plan, gatewayId, technicianId, customers, assignments, joined, links, relays, dryRun, null,
                createdAt);
    }

    /**
     * As above, with the limits the links were checked against, which the report names when any link was checked.
     */
    public static CommissionReport build(SitePlan plan, String gatewayId, String technicianId,
            List<PlannedCustomer> customers, List<Assignment> assignments, List<JoinedMeter> joined,
            List<LinkCheck> links, List<RelayTest> relays, List<DryRunBill> dryRun, LinkThresholds thresholds,
            Instant createdAt) {
        Map<String, String> meterOf = assignments.stream()
                .collect(Collectors.toMap(Assignment::customerId, Assignment::meterId, (a, b) -> b));
        Map<String, LinkCheck> linkOf = links.stream()
                .collect(Collectors.toMap(LinkCheck::meterId, Function.identity(), (a, b) -> b));
        Map<String, RelayTest> relayOf = relays.stream()
                .collect(Collectors.toMap(RelayTest::meterId, Function.identity(), (a, b) -> b));
        List<CommissionReport.Line> lines = new ArrayList<>();
        for (PlannedCustomer customer : customers.stream()
                .sorted(Comparator.comparing(PlannedCustomer::customerId)).toList()) {
            String meter = meterOf.get(customer.customerId());
            lines.add(new CommissionReport.Line(customer.customerId(), customer.name(), customer.category(),
                    customer.tariffId(), customer.openingBalanceMinor(), meter,
                    meter == null ? null : linkOf.get(meter), meter == null ? null : relayOf.get(meter)));
        }
        Set<String> given = Set.copyOf(meterOf.values());
        List<String> spare = joined.stream().map(JoinedMeter::meterId).filter(id -> !given.contains(id)).sorted()
                .toList();
        return new CommissionReport(plan.siteId(), plan.name(), plan.operator(), plan.currency(), gatewayId,
                technicianId, createdAt, lines, spare, totals(dryRun), links.isEmpty() ? null : thresholds);
    }

    private static CommissionReport.DryRunTotals totals(List<DryRunBill> bills) {
        if (bills.isEmpty()) {
            return null;
        }
        long energy = bills.stream().mapToLong(DryRunBill::energyWh).sum();
        long charges = bills.stream().mapToLong(DryRunBill::chargesMinor).sum();
        int outOfCredit = (int) bills.stream()
                .filter(bill -> bill.closingMinor() <= 0 && bill.chargesMinor() > 0).count();
        return new CommissionReport.DryRunTotals(bills.size(), energy, charges, outOfCredit);
    }
}
