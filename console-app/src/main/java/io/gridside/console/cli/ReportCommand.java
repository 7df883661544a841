package io.gridside.console.cli;

import io.gridside.console.service.IncidentReport;
import io.gridside.console.service.OutageReview;
import io.gridside.site.SiteInfo;
import io.gridside.site.outage.Diagnoser;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.outage.Outage;
import io.gridside.site.store.SiteStore;
import io.gridside.site.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside report --site FILE --from WHEN --to WHEN}: the outages of a window of a site database, offline,
 * with their causes, the reliability indices and the readings they cost; as a summary, JSON, or an incident report
 * written as a printable page and as CSV.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Reports the outages of a window of a site database, without a gateway: each outage's cause "
            + "and evidence, the customers it cut off, the IEEE 1366 indices (SAIFI, SAIDI, CAIDI, MAIFI) of the "
            + "site and of each feeder, and the readings the outages cost with billing's estimates of them.",
            "Without --csv or --html it prints a summary; --outage narrows the report to one outage."},
        footer = {"", "Exit codes: 0 reported; 1 refused (a file that exists or cannot be written, a damaged site "
            + "database); 2 a usage error, such as a missing site database, a bad time or an outage the window "
            + "does not hold."})
final class ReportCommand implements Callable<Integer> {

    /** How many of the window's outages the error for an outage it does not hold names before "and N more". */
    static final int NAMED_OUTAGES = 10;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Option(names = "--from", paramLabel = "WHEN", required = true, description = "The window's start, in the "
        + "site's time zone: a date (its start), a date and time (2026-06-03T18:00), or an instant with an offset.")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", required = true, description = "The window's end, excluded: a "
        + "date (the end of that day), a date and time, or an instant with an offset.")
    String to;

    @Option(names = "--outage", paramLabel = "ID", description = "Report this outage alone, such as "
        + "O-20260603-1840-1.")
    String outageId;

    @Option(names = "--json", description = "Print a JSON object for programs.")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the incident report as CSV to this file.")
    Path csv;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the incident report as a printable page "
        + "(HTML) to this file.")
    Path html;

    @Option(names = "--replace", description = "Write over the --csv and --html files if they exist.")
    boolean replace;

    private final Function<DiagnosisInput, Diagnosis> diagnoser;

    ReportCommand() {
        this(Diagnoser::diagnose);
    }

    /** A command whose outages {@code diagnoser} finds, so that a test can fix them. */
    ReportCommand(Function<DiagnosisInput, Diagnosis> diagnoser) {
        this.diagnoser = diagnoser;
    }

    @Override
    public Integer call() {
        IncidentReport report = load();
        report.review().historyWarning()
                .ifPresent(warning -> command.commandLine().getErr().println("Warning: " + warning));
        refuseUnsafeTarget(csv);
        refuseUnsafeTarget(html);
        if (csv != null) {
            write(csv, report.csv());
        }
        if (html != null) {
            write(html, report.html());
        }
        if (json) {
            command.commandLine().getOut().println(Json.write(ReportJson.of(report)));
        } else if (csv == null && html == null) {
            ReportSummary.print(command.commandLine().getOut(), report);
        } else {
            for (Path file : new Path[] {csv, html}) {
                if (file != null) {
                    command.commandLine().getOut().println("Wrote the report of " + report.outages().size()
                            + (report.outages().size() == 1 ? " outage" : " outages") + " to " + file + ".");
                }
            }
        }
        return ExitCode.OK;
    }

    private IncidentReport load() {
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            SiteInfo site = store.site().orElseThrow(() -> SiteFiles.noSite(siteFile));
            Instant start = SiteTimes.parse("--from", from, site.zone(), true, false);
            Instant end = SiteTimes.parse("--to", to, site.zone(), true, true);
            if (!end.isAfter(start)) {
                throw new UsageException("--to must come after --from; the window " + from + " to " + to
                        + " is empty.");
            }
            OutageReview review = OutageReview.load(store, start, end, diagnoser);
            Outage outage = outageId == null ? null : review.outage(outageId).orElseThrow(() -> noOutage(review));
            return IncidentReport.of(review, outage);
        } catch (StoreException e) {
            throw SiteFiles.damaged(siteFile, e);
        }
    }

    private UsageException noOutage(OutageReview review) {
        List<String> ids = review.diagnosis().outages().stream().map(Outage::id).toList();
        String held = ids.isEmpty() ? "; it holds none" : "; it holds " + String.join(", ", ids.subList(0,
                Math.min(ids.size(), NAMED_OUTAGES))) + (ids.size() > NAMED_OUTAGES ? " and "
                + (ids.size() - NAMED_OUTAGES) + " more" : "");
        return new UsageException("The window " + from + " to " + to + " holds no outage " + outageId + held + ".");
    }

    /** Refuses a file that exists (without --replace), that is no plain file, or that is the site database. */
    private void refuseUnsafeTarget(Path out) {
        if (out == null || !Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(out + " is not a plain file (a folder, a link or a device); give the name of "
                    + "a file to write.", "FILE_NOT_WRITTEN");
        }
        try {
            if (Files.isSameFile(out, siteFile)) {
                throw new RefusedException(out + " is the site database the report is read from; give another "
                        + "name.", "FILE_NOT_WRITTEN");
            }
        } catch (IOException e) {
            throw new RefusedException("Could not check " + out + ": " + e.getMessage() + ".", e, "FILE_NOT_WRITTEN");
        }
        if (!replace) {
            throw new RefusedException("The file " + out + " exists; give --replace to write over it, or another "
                    + "name.", "FILE_EXISTS");
        }
    }

    /** Writes beside the file and then moves it in, so that a failure leaves no half-written report behind. */
    private static void write(Path out, String text) {
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // The failure that matters is the one reported below.
            }
            throw new RefusedException("The report could not be written to " + out + ": " + e.getMessage()
                    + "; check that the folder can be written to.", e, "FILE_NOT_WRITTEN");
        }
    }
}
