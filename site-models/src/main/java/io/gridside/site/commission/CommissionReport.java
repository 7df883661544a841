package io.gridside.site.commission;

import io.gridside.site.CustomerCategory;
import io.gridside.site.cbor.DeterministicCbor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was commissioned, as the technician signs it at the end of the day: the site, every customer with their
 * tariff, opening balance and meter, every meter's link check and relay test, the meters that joined but went to
 * nobody, and the dry run's totals. Its deterministic CBOR ({@link #encode}) is what the technician's credential key
 * signs, so two consoles make the same bytes of the same day.
 *
 * @param siteId       the site
 * @param siteName     the site's name
 * @param operator     the operator that runs it
 * @param currency     the currency of every amount
 * @param gatewayId    the gateway commissioned, or empty when none was reached yet
 * @param technicianId who signs it
 * @param createdAt    when it was made, by the laptop's clock (the signed map's {@code clocks} says so)
 * @param lines        one per customer, in customer id order
 * @param spareMeters  meters that joined the mesh and went to no customer, in serial order
 * @param dryRun       the dry run's totals, or null when it was not run
 * @param linkThresholds the limits the links were checked against, or null when no link was checked: signed with the
 *     checks, so that a reviewer sees a check loosened on the day
 */
public record CommissionReport(String siteId, String siteName, String operator, String currency, String gatewayId,
        String technicianId, Instant createdAt, List<Line> lines, List<String> spareMeters, DryRunTotals dryRun,
        LinkThresholds linkThresholds) {

    /** The {@code type} field of the signed map, which keeps the report's signature from meaning anything else. */
    public static final String TYPE = "gridside/commission-report/2";
    /** The clock of a time read on the laptop that made the report. */
    public static final String CLOCK_LAPTOP = "laptop";
    /** The clock of a time read on the gateway, the site's authority once set. */
    public static final String CLOCK_GATEWAY = "gateway";

    public CommissionReport {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(currency, "currency");
        gatewayId = gatewayId == null ? "" : gatewayId;
        Objects.requireNonNull(technicianId, "technicianId");
        Objects.requireNonNull(createdAt, "createdAt");
        lines = List.copyOf(lines);
        spareMeters = List.copyOf(spareMeters);
    }

    /** A report that names no link thresholds, as one of a day whose links were not checked. */
    public CommissionReport(String siteId, String siteName, String operator, String currency, String gatewayId,
            String technicianId, Instant createdAt, List<Line> lines, List<String> spareMeters, DryRunTotals dryRun) {
        this(siteId, siteName, operator, currency, gatewayId, technicianId, createdAt, lines, spareMeters, dryRun,
                null);
    }

    /**
     * One customer of the report.
     *
     * @param customerId          the customer
     * @param name                their name
     * @param category            what they use electricity for
     * @param tariffId            the tariff they are billed on
     * @param openingBalanceMinor their opening balance
     * @param meterId             their meter, or empty when none was assigned
     * @param link                their meter's link check, or null when it was not checked
     * @param relay               their meter's relay test, or null when it was not tested
     */
    public record Line(String customerId, String name, CustomerCategory category, String tariffId,
            long openingBalanceMinor, String meterId, LinkCheck link, RelayTest relay) {

        public Line {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(tariffId, "tariffId");
            meterId = meterId == null ? "" : meterId;
        }
    }

    /**
     * The dry run summed over the site.
     *
     * @param customers          customers billed
     * @param energyWh           energy over the week
     * @param chargesMinor       charges over the week
     * @param outOfCreditInAWeek customers whose credit ran out within the week (a closing balance at or below 0)
     */
    public record DryRunTotals(int customers, long energyWh, long chargesMinor, int outOfCreditInAWeek) {
    }

    /** The map that is signed: instants as ISO 8601 text in UTC, amounts as integers, no floating point. */
    public Map<String, Object> toCbor() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", TYPE);
        map.put("site", siteId);
        map.put("siteName", siteName);
        map.put("operator", operator);
        map.put("currency", currency);
        map.put("gateway", gatewayId);
        map.put("technician", technicianId);
        map.put("createdAt", createdAt.toString());
        map.put("clocks", clocks());
        List<Object> customers = new ArrayList<>();
        for (Line line : lines) {
            customers.add(lineCbor(line));
        }
        map.put("customers", customers);
        map.put("spareMeters", new ArrayList<Object>(spareMeters));
        if (dryRun != null) {
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("customers", (long) dryRun.customers());
            totals.put("energyWh", dryRun.energyWh());
            totals.put("chargesMinor", dryRun.chargesMinor());
            totals.put("outOfCreditInAWeek", (long) dryRun.outOfCreditInAWeek());
            map.put("dryRun", totals);
        }
        if (linkThresholds != null) {
            map.put("linkThresholds", thresholdsCbor(linkThresholds));
        }
        return map;
    }

    /**
     * Which clock each time of the report was read from: the report is made and signed on the laptop, perhaps with
     * no gateway at hand, while a relay test happened on the gateway and is dated by its clock, the site's
     * authority. The two may disagree by the gateway's skew, so the report says which is which.
     */
    private static Map<String, Object> clocks() {
        Map<String, Object> clocks = new LinkedHashMap<>();
        clocks.put("createdAt", CLOCK_LAPTOP);
        clocks.put("relayTestedAt", CLOCK_GATEWAY);
        return clocks;
    }

    /** The limits as decimal text, since the signed map carries no floating point. */
    private static Map<String, Object> thresholdsCbor(LinkThresholds limits) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passRssiDbm", decimal(limits.passRssiDbm()));
        map.put("failRssiDbm", decimal(limits.failRssiDbm()));
        map.put("passEtx", decimal(limits.passEtx()));
        map.put("failEtx", decimal(limits.failEtx()));
        map.put("passRoutes", (long) limits.passRoutes());
        map.put("failRoutes", (long) limits.failRoutes());
        map.put("clusterMetres", decimal(limits.clusterMetres()));
        return map;
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The deterministic CBOR that the technician signs. */
    public byte[] encode() {
        return DeterministicCbor.encode(toCbor());
    }

    private static Map<String, Object> lineCbor(Line line) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("customer", line.customerId());
        map.put("name", line.name());
        map.put("category", line.category().name());
        map.put("tariff", line.tariffId());
        map.put("openingMinor", line.openingBalanceMinor());
        map.put("meter", line.meterId());
        if (line.link() != null) {
            map.put("link", line.link().verdict().name());
            map.put("linkReasons", new ArrayList<Object>(line.link().reasons()));
        }
        if (line.relay() != null) {
            map.put("relayPassed", line.relay().passed());
            map.put("relayNote", line.relay().note());
            map.put("relayTestedAt", line.relay().testedAt().toString());
        }
        return map;
    }
}
