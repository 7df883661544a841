package io.gridside.console.cli;

import io.gridside.console.imports.ImportProblem;
import io.gridside.console.imports.ReadingsImport;
import io.gridside.console.imports.ReadingsImport.Fate;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.RawReadsStored;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code gridside import readings FILE --site FILE}: register reads from a CSV file into the site database's raw
 * reads, where {@code bill vee} takes them up, and into its outbox for the gateway's billing, which
 * {@code connect ... push} sends.
 */
@Command(name = "readings", mixinStandardHelpOptions = true,
        description = {"Imports register reads from a CSV file into a site database's raw reads.",
            "The file's first line names the columns meter,timestamp,register_kwh (any order; other columns are "
                + "ignored). A timestamp is 2026-06-02T10:15 or 2026-06-02 10:15:00 in the site's time zone, or "
                + "carries its offset (2026-06-02T10:15:00+03:00, or Z); register_kwh is a decimal of at most 3 "
                + "decimals (the Wh), such as 1234.567.",
            "Each read is kept once per meter and time: an exact duplicate is ignored, a conflicting one goes to "
                + "the exceptions queue, and a new one that breaks a rule of VEE (backwards, an impossible jump, "
                + "clock skew, from the future) is kept and queued as an exception too.",
            "New reads that break no rule and fall on the end of a quarter hour are also queued for the gateway's "
                + "billing; 'gridside connect ... push' sends them, and the gateway fills a gap it billed by "
                + "estimate with them."})
final class ImportReadingsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    ImportFileOptions options;

    /** What the import found or did, as the JSON output carries it; the field names are a contract with scripts. */
    record ReadingsJson(String file, boolean dryRun, int rows, long invalid, long fresh, long duplicates,
            long conflicting, long ruleBreaking, Instant clock, RawReadsStored stored,
            List<ReadingsImport.MeterCounts> meters, List<ConflictJson> conflicts, List<ExceptionJson> exceptions,
            List<ImportProblem> problems, int queuedForGateway) {
    }

    /** A read that conflicts with one held or earlier in the file. */
    record ConflictJson(int line, String meterId, Instant at, long registerWh) {
    }

    /** A new read that breaks a rule of VEE. */
    record ExceptionJson(int line, String meterId, Instant at, long registerWh, String rule, String detail) {
    }

    @Override
    public Integer call() {
        byte[] bytes = options.bytes();
        try (SiteStore store = options.openSite()) {
            SiteInfo site = options.site(store);
            ReadingsImport.Plan plan = ReadingsImport.plan(store, site, bytes, options.source(), Instant.now());
            if (!plan.problems().isEmpty()) {
                if (options.json || options.dryRun) {
                    print(plan, null, site.zone(), 0);
                }
                return options.refuse(plan.problems(), command.commandLine().getErr());
            }
            RawReadsStored stored = options.dryRun ? null : ReadingsImport.apply(store, plan);
            int queued = options.dryRun ? 0 : ReadingsImport.queueForGateway(store, plan, Instant.now());
            print(plan, stored, site.zone(), queued);
        }
        return ExitCode.OK;
    }

    private ReadingsJson json(ReadingsImport.Plan plan, RawReadsStored stored, int queued) {
        List<ConflictJson> conflicts = plan.reads().stream().filter(r -> r.fate() == Fate.CONFLICTING)
                .map(r -> new ConflictJson(r.line(), r.read().meterId(), r.read().at(), r.read().registerWh()))
                .toList();
        List<ExceptionJson> exceptions = plan.ruleBreaks().stream().map(b -> new ExceptionJson(b.line(),
                b.exception().meterId(), b.exception().at(), b.exception().read().registerWh(),
                b.exception().rule().name().toLowerCase(Locale.ROOT), b.exception().detail())).toList();
        return new ReadingsJson(options.source(), options.dryRun, plan.rows(), plan.invalidLines(),
                plan.count(Fate.NEW),
                plan.count(Fate.DUPLICATE), plan.count(Fate.CONFLICTING), plan.ruleBreaks().size(), plan.clock(),
                stored, plan.meters(), conflicts, exceptions, plan.problems(), queued);
    }

    private void print(ReadingsImport.Plan plan, RawReadsStored stored, ZoneId zone, int queued) {
        PrintWriter out = command.commandLine().getOut();
        ReadingsJson found = json(plan, stored, queued);
        if (options.json) {
            out.println(Json.write(found));
            return;
        }
        out.printf("%s: %d rows of register reads.%n", found.file(), found.rows());
        out.println(stored == null ? "Dry run, nothing was written. The import would do this:" : "Imported:");
        out.printf("  new reads stored: %d; duplicates ignored: %d; conflicting reads queued as exceptions: %d; new "
                + "reads that break a rule of VEE, kept and queued as exceptions: %d.%n",
                stored == null ? found.fresh() : stored.stored(),
                stored == null ? found.duplicates() : stored.duplicates(),
                stored == null ? found.conflicting() : stored.conflicts(), found.ruleBreaking());
        if (found.invalid() > 0) {
            out.printf("  lines with problems, which stop the import until they are fixed: %d (on stderr).%n",
                    found.invalid());
        }
        if (stored != null) {
            out.printf("  reads queued for the gateway's billing: %d (send them with: gridside connect ... push).%n",
                    queued);
        }
        printMeters(out, found);
        printExceptions(out, found, zone);
    }

    private static void printMeters(PrintWriter out, ReadingsJson found) {
        out.printf("%n  %-10s %6s %10s %12s %14s%n", "meter", "new", "duplicate", "conflicting", "rule-breaking");
        for (ReadingsImport.MeterCounts m : found.meters()) {
            out.printf(Locale.ROOT, "  %-10s %6d %10d %12d %14d%n", m.meterId(), m.fresh(), m.duplicates(),
                    m.conflicting(), m.ruleBreaking());
        }
    }

    private static void printExceptions(PrintWriter out, ReadingsJson found, ZoneId zone) {
        if (found.conflicts().isEmpty() && found.exceptions().isEmpty()) {
            return;
        }
        out.printf("%nFor the exceptions queue, times in %s:%n", zone.getId());
        for (ConflictJson c : found.conflicts()) {
            out.printf(Locale.ROOT, "  line %-5d %-10s %s %12d Wh  %-18s another register is held for this meter "
                    + "and time%n", c.line(), c.meterId(), VeeCommand.siteTime(c.at(), zone), c.registerWh(),
                    "conflicting_read");
        }
        for (ExceptionJson e : found.exceptions()) {
            out.printf(Locale.ROOT, "  line %-5d %-10s %s %12d Wh  %-18s %s%n", e.line(), e.meterId(),
                    VeeCommand.siteTime(e.at(), zone), e.registerWh(), e.rule(), e.detail());
        }
    }
}
