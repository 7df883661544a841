package io.gridside.sim.cloud;

import io.gridside.link.auth.Ed25519;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.sync.api.SyncJson;
import io.gridside.site.sync.api.UpItems;
import java.util.Map;

/**
 * What the cloud checks of a commissioning report before it keeps it (decision 0065): every field there, the report
 * of the batch's own site, its id made from its signed bytes, and the signature the key it names made of them.
 * KNOWN SHORTCOMING: it does not check that the key belongs to a credential the operator issued for the site, since
 * the simulated cloud keeps no issued credentials; a report signed by any key is kept if it is self-consistent.
 */
final class CloudReports {

    private CloudReports() {
    }

    /**
     * The report id of {@code item}, a commissioning report of {@code site} whose signature holds.
     *
     * @throws IllegalArgumentException naming what is wrong, so that the item is rejected with it
     */
    static String check(String site, Map<String, Object> item) {
        UpItems.CommissionReport report = SyncJson.item(item, UpItems.CommissionReport.class);
        if (report.reportId() == null || report.siteId() == null || report.technicianId() == null
                || report.technicianKey() == null || report.signed() == null || report.signature() == null
                || report.at() == null) {
            throw new IllegalArgumentException("a field that a commissionReport item needs is missing");
        }
        if (!site.equals(report.siteId())) {
            throw new IllegalArgumentException("the report is of site " + report.siteId() + ", not of " + site);
        }
        ByteString signed = ByteString.fromBase64(report.signed());
        if (!SignedReport.idOf(signed.toByteArray()).equals(report.reportId())) {
            throw new IllegalArgumentException("the report id " + report.reportId() + " is not made from its bytes");
        }
        if (!Ed25519.verify(ByteString.fromBase64(report.technicianKey()), signed.toByteArray(),
                ByteString.fromBase64(report.signature()))) {
            throw new IllegalArgumentException("the report's signature does not hold for the key it names");
        }
        return report.reportId();
    }
}
