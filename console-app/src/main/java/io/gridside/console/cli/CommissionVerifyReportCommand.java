package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.service.commission.ReportSigning;
import io.gridside.link.auth.SignedCredential;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gridside commission verify-report}: checks the signatures of the reports a site database keeps. */
@Command(name = "verify-report", mixinStandardHelpOptions = true,
        description = {"Checks the signature of each commissioning report the site database keeps (or of one, with "
            + "--report): made by the key it names over its bytes, and with --credential, by that credential's "
            + "key."},
        footer = {"", "Exit codes: 0 every signature holds; 1 one does not (REPORT_SIGNATURE), one holds "
            + "but was made by another key than --credential's (REPORT_OTHER_SIGNER), or there is no report; 2 a "
            + "usage error."})
final class CommissionVerifyReportCommand implements Callable<Integer> {

    static final String REPORT_SIGNATURE = "REPORT_SIGNATURE";
    static final String REPORT_OTHER_SIGNER = "REPORT_OTHER_SIGNER";
    static final String NO_REPORT = "NO_REPORT";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--report", paramLabel = "ID", description = "Check only this report.")
    String reportId;

    @Option(names = "--credential", paramLabel = "FILE",
            description = "Also check that this technician's credential names the key that signed.")
    Path credentialFile;

    @Override
    public Integer call() {
        SignedCredential credential = credentialFile == null ? null : CommandFiles.credential(credentialFile);
        PrintWriter out = command.commandLine().getOut();
        try (SiteStore store = site.open()) {
            CommissionRecords records = store.commission();
            List<String> ids = records.reportIds().stream().filter(id -> reportId == null || id.equals(reportId))
                    .toList();
            if (ids.isEmpty()) {
                throw new RefusedException(reportId == null ? "The site database keeps no commissioning report yet."
                        : "The site database keeps no report " + reportId + ".", NO_REPORT);
            }
            int broken = 0;
            int otherKey = 0;
            ZoneId zone = records.plan().map(SitePlan::zone).orElse(ZoneOffset.UTC);
            for (String id : ids) {
                Verdict verdict = check(records, id, credential, zone, out);
                broken += verdict == Verdict.BROKEN ? 1 : 0;
                otherKey += verdict == Verdict.OTHER_KEY ? 1 : 0;
            }
            if (broken > 0) {
                throw new RefusedException(broken + " of " + ids.size() + " reports fail the check, listed above; the "
                        + "site database may have been altered: report it to support.", REPORT_SIGNATURE);
            }
            if (otherKey > 0) {
                throw new RefusedException(otherKey + " of " + ids.size() + " reports were signed by another key than "
                        + credential.technicianId() + "'s, listed above; their signatures hold, so nothing shows them "
                        + "altered: check them with the signer's credential.", REPORT_OTHER_SIGNER);
            }
        }
        return ExitCode.OK;
    }

    /** How one kept report stands: its signature holds, holds but by another key than asked, or is broken. */
    private enum Verdict { HOLDS, OTHER_KEY, BROKEN }

    /** Checks one kept report and prints a line on it. */
    private static Verdict check(CommissionRecords records, String id, SignedCredential credential, ZoneId zone,
            PrintWriter out) {
        SignedReport report;
        try {
            report = records.report(id).orElseThrow();
        } catch (IllegalArgumentException e) {
            out.printf("%s: ALTERED, its signed bytes no longer give its id%n", id);
            return Verdict.BROKEN;
        }
        Verdict verdict = verdict(report, credential);
        out.printf("%s %s, signed by %s at %s: %s%n", report.reportId(), report.siteId(), report.technicianId(),
                Formats.siteTime(report.signedAt(), zone), switch (verdict) {
                    case HOLDS -> "signature holds";
                    case BROKEN -> "SIGNATURE DOES NOT HOLD";
                    case OTHER_KEY -> "signature holds, but made by " + report.technicianId() + "'s key, NOT BY "
                            + credential.technicianId() + "'S";
                });
        return verdict;
    }

    /**
     * A report that names the credential's technician but was not made by its key is broken, not merely another
     * technician's: the name in it does not match the key that signed.
     */
    private static Verdict verdict(SignedReport report, SignedCredential credential) {
        if (!ReportSigning.verify(report)) {
            return Verdict.BROKEN;
        }
        if (credential == null || ReportSigning.signedBy(report, credential)) {
            return Verdict.HOLDS;
        }
        return credential.technicianId().equals(report.technicianId()) ? Verdict.BROKEN : Verdict.OTHER_KEY;
    }
}
