package io.gridside.console.cli;

import io.gridside.console.service.commission.ReportSigning;
import io.gridside.link.auth.SignedCredential;
import io.gridside.site.commission.SignedReport;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        footer = {"", "Exit codes: 0 every signature holds; 1 one does not, or there is no report; 2 a usage error."})
final class CommissionVerifyReportCommand implements Callable<Integer> {

    static final String REPORT_SIGNATURE = "REPORT_SIGNATURE";
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
            int bad = 0;
            for (String id : ids) {
                bad += check(records, id, credential, out) ? 0 : 1;
            }
            if (bad > 0) {
                throw new RefusedException(bad + " of " + ids.size() + " reports fail the check, listed above; the "
                        + "site database may have been altered: report it to support.", REPORT_SIGNATURE);
            }
        }
        return ExitCode.OK;
    }

    /** Checks one kept report and prints a line on it; answers whether it holds. */
    private static boolean check(CommissionRecords records, String id, SignedCredential credential,
            PrintWriter out) {
        SignedReport report;
        try {
            report = records.report(id).orElseThrow();
        } catch (IllegalArgumentException e) {
            out.printf("%s: ALTERED, its signed bytes no longer give its id%n", id);
            return false;
        }
        boolean holds = ReportSigning.verify(report)
                && (credential == null || ReportSigning.signedBy(report, credential));
        out.printf("%s %s, signed by %s at %s: %s%n", report.reportId(), report.siteId(), report.technicianId(),
                report.signedAt(), holds ? "signature holds" : credential == null ? "SIGNATURE DOES NOT HOLD"
                        : "NOT SIGNED BY " + credential.technicianId() + "'S KEY");
        return holds;
    }
}
