package io.gridside.console.cli;

import io.gridside.console.service.commission.ReportSigning;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.commission.CommissionReport;
import io.gridside.site.commission.CommissionReports;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.LinkVerdict;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside commission report --credential FILE}: the day's report signed with the technician's credential
 * key, kept in the site database and queued for the cloud.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Signs the commissioning report with the technician's credential key (the key file kept next "
            + "to the credential), keeps it in the site database and queues it for sync: every customer with "
            + "tariff, opening balance and meter, each meter's link check and relay test, the spare meters and the "
            + "dry run's totals. Once made, the report is shown again rather than made twice; --again makes a new "
            + "one after a step was done again, and shows the kept one when nothing it reports changed."},
        footer = {"", "Exit codes: 0 signed and kept; 2 a usage error, such as a credential without its key."})
final class CommissionReportCommand implements Callable<Integer> {

    static final String CREDENTIAL_SITE = "CREDENTIAL_SITE";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--credential", paramLabel = "FILE", required = true,
            description = "The technician's credential file; its key file lies next to it.")
    Path credentialFile;

    @Option(names = "--again", description = "Make and sign a new report if what it reports changed since a report "
            + "was made.")
    boolean again;

    @Option(names = "--json", description = "Print the report's summary as JSON.")
    boolean json;

    /** The JSON output: the field names are a contract with scripts. */
    record ReportJson(String reportId, String siteId, String technicianId, Instant signedAt, boolean madeNow,
            int customers, long assigned, int spareMeters, long linkFailures, long relayFailures,
            Map<?, ?> linkThresholds, String signed) {
    }

    @Override
    public Integer call() {
        SignedCredential credential = CommandFiles.credential(credentialFile);
        SigningKey key = CommandFiles.technicianKey(credentialFile, credential);
        if (key == null) {
            throw new UsageException("There is no technician key file next to " + credentialFile + "; a report is "
                    + "signed with the key the credential names.", null, CommandFiles.CREDENTIAL_UNREADABLE);
        }
        try (SiteStore store = site.open()) {
            SitePlan plan = CommissionSite.plan(store);
            if (!credential.credential().covers(plan.siteId())) {
                throw new UsageException("The credential of " + credential.technicianId() + " does not cover site "
                        + plan.siteId() + "; sign with a credential the operator issued for it.", null,
                        CREDENTIAL_SITE);
            }
            CommissionRecords records = store.commission();
            boolean live = records.progress().stream().anyMatch(step -> step.step() == CommissionStep.GO_LIVE);
            if (!live) {
                throw new RefusedException("The site has not gone live, so there is no day to report yet: run "
                        + "gridside commission run ... --go-live (or go live on the Commissioning screen) first.",
                        CommissionRefusal.NOT_READY);
            }
            List<SignedReport> kept = ReportSigning.intactReports(records);
            Optional<SignedReport> held = again
                    ? ReportSigning.sameAsKept(at -> build(store, plan, credential.technicianId(), at), kept)
                    : kept.stream().findFirst();
            boolean made = held.isEmpty();
            SignedReport signed = held.orElse(null);
            if (made) {
                CommissionReport report = build(store, plan, credential.technicianId(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS));
                signed = ReportSigning.sign(report, credential, key, report.createdAt());
                records.saveReport(signed);
                records.markDone(CommissionStep.REPORT, signed.signedAt(), signed.reportId());
            }
            print(summary(signed, made));
        }
        return ExitCode.OK;
    }

    private static CommissionReport build(SiteStore store, SitePlan plan, String technicianId, Instant at) {
        CommissionRecords records = store.commission();
        return CommissionReports.build(plan, store.gatewayId().orElse(""), technicianId, records.customers(),
                records.assignments(), records.joined(), records.linkChecks(), records.relayTests(),
                records.dryRun(), records.thresholds().orElse(LinkThresholds.DEFAULTS), at);
    }

    /** What {@code signed} holds, read from its signed bytes, so that what is shown is what was signed. */
    static ReportJson summary(SignedReport signed, boolean made) {
        Map<?, ?> report = (Map<?, ?>) DeterministicCbor.decode(signed.signed().toByteArray());
        List<Map<?, ?>> lines = ((List<?>) report.get("customers")).stream().<Map<?, ?>>map(line -> (Map<?, ?>) line)
                .toList();
        return new ReportJson(signed.reportId(), signed.siteId(), signed.technicianId(), signed.signedAt(), made,
                lines.size(), lines.stream().filter(line -> !"".equals(line.get("meter"))).count(),
                ((List<?>) report.get("spareMeters")).size(),
                lines.stream().filter(line -> LinkVerdict.FAIL.name().equals(line.get("link"))).count(),
                lines.stream().filter(line -> Boolean.FALSE.equals(line.get("relayPassed"))).count(),
                (Map<?, ?>) report.get("linkThresholds"), signed.signed().base64());
    }

    private void print(ReportJson summary) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(summary));
            return;
        }
        out.printf("%s report %s of site %s, signed by %s at %s.%n", summary.madeNow() ? "Signed" : "Kept already:",
                summary.reportId(), summary.siteId(), summary.technicianId(), summary.signedAt());
        out.printf("  customers: %d, with a meter: %d; spare meters: %d; link failures: %d; relay failures: %d.%n",
                summary.customers(), summary.assigned(), summary.spareMeters(), summary.linkFailures(),
                summary.relayFailures());
        if (summary.linkThresholds() != null) {
            Map<?, ?> limits = summary.linkThresholds();
            out.printf("  links checked against: signal pass %s dBm, fail below %s dBm; ETX pass %s, fail above %s; "
                    + "routes pass %s, fail below %s.%n", limits.get("passRssiDbm"), limits.get("failRssiDbm"),
                    limits.get("passEtx"), limits.get("failEtx"), limits.get("passRoutes"), limits.get("failRoutes"));
        }
        if (summary.madeNow()) {
            out.println("  Kept in the site database and queued for the cloud: gridside sync sends it.");
        }
    }
}
