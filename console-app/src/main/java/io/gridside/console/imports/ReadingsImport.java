package io.gridside.console.imports;

import io.gridside.billing.vee.MeterRating;
import io.gridside.console.Formats;
import io.gridside.billing.vee.ReadValidator;
import io.gridside.site.Meter;
import io.gridside.site.QueuedRead;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.RawReadsStored;
import io.gridside.site.store.SiteStore;
import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Imports raw register reads from a CSV file ({@code meter,timestamp,register_kwh}) into a site database's raw
 * reads, where VEE takes them up. {@link #plan} works out what the import would change without writing anything;
 * {@link #apply} writes it, in one transaction. A file with any bad row changes nothing: its problems are listed
 * with their lines, the technician fixes the file, and imports it again, which is safe since every read is kept
 * once per meter and time.
 *
 * <p>Each read is new, an exact duplicate of one held (ignored), or conflicting with one held for the same meter
 * and time (stored nowhere but in the exceptions queue), as the store treats pulled reads. New reads are judged
 * by VEE's rules ({@link ReadValidator}) against the meter's reads held before and after them; one that breaks a
 * rule is kept as a raw read, since it is what the meter said, and queued as an exception with the figures.
 */
public final class ReadingsImport {

    public static final String METER = "meter";
    public static final String TIMESTAMP = "timestamp";
    public static final String REGISTER = "register_kwh";
    public static final List<String> COLUMNS = List.of(METER, TIMESTAMP, REGISTER);

    /** Later than any read a site database holds. */
    private static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");

    /** What becomes of one read. */
    public enum Fate {
        /** No read of its meter and time is held: it is stored. */
        NEW,
        /** The same read is held already: it is ignored. */
        DUPLICATE,
        /** Another register is held for its meter and time: it goes to the exceptions queue. */
        CONFLICTING
    }

    /** One read of the file, with its line and what becomes of it. */
    public record ImportedRead(int line, RawRead read, Fate fate) {
    }

    /** A new read that breaks a rule of VEE, with the line it came from. */
    public record RuleBreak(int line, ReadException exception) {
    }

    /** What an import does to one meter's reads. */
    public record MeterCounts(String meterId, int fresh, int duplicates, int conflicting, int ruleBreaking) {
    }

    /**
     * What importing the file would change: its good rows' reads, and its problems; only a plan without problems
     * may be applied.
     *
     * @param clock the gateway's clock at the last pull (or this computer's), which reads from the future are
     *     judged by
     */
    public record Plan(String source, int rows, List<ImportProblem> problems, List<ImportedRead> reads,
            List<RuleBreak> ruleBreaks, List<MeterCounts> meters, Instant clock) {

        public Plan {
            problems = List.copyOf(problems);
            reads = List.copyOf(reads);
            ruleBreaks = List.copyOf(ruleBreaks);
            meters = List.copyOf(meters);
        }

        public long count(Fate fate) {
            return reads.stream().filter(read -> read.fate() == fate).count();
        }

        /** How many lines of the file have a problem. */
        public long invalidLines() {
            return problems.stream().mapToInt(ImportProblem::line).distinct().count();
        }
    }

    private ReadingsImport() {
    }

    /**
     * Reads {@code bytes} and works out what importing them into {@code store} would change, writing nothing.
     *
     * @param source the file's name, as problems and the exceptions queue name it
     * @param computerClock the clock to judge reads from the future by when no pull recorded the gateway's
     */
    public static Plan plan(SiteStore store, SiteInfo site, byte[] bytes, String source, Instant computerClock) {
        Instant clock = store.pulledGatewayClock().orElse(computerClock);
        CsvTable table = CsvReader.read(bytes, COLUMNS);
        List<ImportProblem> problems = new ArrayList<>(table.problems());
        Set<String> meters = store.meters().stream().map(Meter::meterId).collect(Collectors.toSet());
        List<LineRead> parsed = new ArrayList<>();
        for (CsvRow row : table.rows()) {
            parse(row, site, meters, problems).ifPresent(parsed::add);
        }
        // Shortcoming: the exchanges are found among every event pulled; the store has no query by kind yet.
        parsed = withoutRetired(parsed, Retirements.of(store.events(Instant.EPOCH, END_OF_TIME)), site, problems);
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        List<RawRead> held = store.rawReads(Instant.EPOCH, END_OF_TIME);
        List<ImportedRead> reads = classify(parsed, held);
        List<RuleBreak> ruleBreaks = judge(reads, held, clock);
        return new Plan(source, table.rows().size(), problems, reads, ruleBreaks, countByMeter(reads, ruleBreaks),
                clock);
    }

    /**
     * Writes what {@code plan} found into {@code store}, in one transaction: the reads (the store keeps each once
     * and queues conflicting ones) and the new reads' breaks of VEE's rules.
     *
     * @throws IllegalStateException for a plan with problems, which changes nothing
     */
    public static RawReadsStored apply(SiteStore store, Plan plan) {
        if (!plan.problems().isEmpty()) {
            throw new IllegalStateException("a file with problems is not imported");
        }
        List<RawRead> reads = plan.reads().stream().map(ImportedRead::read).toList();
        List<ReadException> exceptions = plan.ruleBreaks().stream().map(RuleBreak::exception).toList();
        return store.importRawReads(reads, exceptions);
    }

    /**
     * Queues the plan's new reads for the gateway's billing (which alone bills them), each by the file's name and
     * line: those that break no rule of VEE and fall on the end of a quarter hour, where the gateway bills
     * registers. A read on the exceptions queue goes to the gateway once a technician decides on it. Re-importing
     * the file queues nothing new.
     *
     * @return how many reads were queued
     */
    public static int queueForGateway(SiteStore store, Plan plan, Instant now) {
        Set<Integer> ruleBreaking = new HashSet<>();
        plan.ruleBreaks().forEach(b -> ruleBreaking.add(b.line()));
        List<QueuedRead> queued = plan.reads().stream()
                .filter(r -> r.fate() == Fate.NEW && !ruleBreaking.contains(r.line()))
                .filter(r -> r.read().at().getEpochSecond() % Reading.INTERVAL.toSeconds() == 0)
                .map(r -> QueuedRead.pending(r.read().meterId(), r.read().at(), r.read().registerWh(), "IMPORT",
                        plan.source() + ":" + r.line(), "imported from " + plan.source()))
                .toList();
        return store.queueReads(queued, now);
    }

    private record LineRead(int line, RawRead read) {
    }

    private static Optional<LineRead> parse(CsvRow row, SiteInfo site, Set<String> meters,
            List<ImportProblem> problems) {
        int before = problems.size();
        String meterId = row.get(METER);
        if (meterId.isEmpty()) {
            problems.add(new ImportProblem(row.line(), METER, "the meter is empty; write the meter's id.",
                    "import.meter.empty"));
        } else if (!meters.contains(meterId)) {
            problems.add(new ImportProblem(row.line(), METER, "the site has no meter '" + meterId + "'; check the "
                    + "id, or pull the site again if the meter is new.", "import.meter.unknown", meterId));
        }
        Instant at = null;
        long registerWh = 0;
        try {
            at = ImportValues.time(row.get(TIMESTAMP), site.zone());
        } catch (ImportValues.BadValue e) {
            problems.add(e.at(row.line(), TIMESTAMP));
        }
        try {
            registerWh = ImportValues.registerWh(row.get(REGISTER));
        } catch (ImportValues.BadValue e) {
            problems.add(e.at(row.line(), REGISTER));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new LineRead(row.line(), new RawRead(meterId, at, registerWh)));
    }

    /**
     * The reads of meters in service at their time: a read after the exchange that took its meter out (and before
     * any exchange that fitted it again) is a problem of its line, naming the exchange and the meter fitted in its
     * place. The gateway bills no retired meter, so such a read is a slip of the meter's id or of the time.
     */
    private static List<LineRead> withoutRetired(List<LineRead> parsed, Retirements retirements, SiteInfo site,
            List<ImportProblem> problems) {
        List<LineRead> kept = new ArrayList<>(parsed.size());
        for (LineRead lineRead : parsed) {
            Optional<Retirements.Exchange> exchange = retirements.retiredAt(lineRead.read().meterId(),
                    lineRead.read().at());
            if (exchange.isPresent()) {
                String exchanged = Formats.siteTime(exchange.get().at(), site.zone());
                problems.add(new ImportProblem(lineRead.line(), METER, "meter '" + lineRead.read().meterId()
                        + "' was taken out by the exchange at " + exchanged + ", which fitted meter '"
                        + exchange.get().newMeterId() + "' in its place, before this read's time; check the meter's "
                        + "id and the time, or write the new meter's id if the read is of the new meter.",
                        "import.meter.retired", lineRead.read().meterId(), exchanged, exchange.get().newMeterId()));
            } else {
                kept.add(lineRead);
            }
        }
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return kept;
    }

    /** Each read against those held and those earlier in the file, as the store will judge them in this order. */
    private static List<ImportedRead> classify(List<LineRead> parsed, List<RawRead> held) {
        Map<String, Long> known = new HashMap<>();
        held.forEach(read -> known.put(key(read), read.registerWh()));
        List<ImportedRead> reads = new ArrayList<>(parsed.size());
        for (LineRead lineRead : parsed) {
            RawRead read = lineRead.read();
            Long register = known.putIfAbsent(key(read), read.registerWh());
            Fate fate = register == null ? Fate.NEW
                    : register == read.registerWh() ? Fate.DUPLICATE : Fate.CONFLICTING;
            reads.add(new ImportedRead(lineRead.line(), read, fate));
        }
        return reads;
    }

    private static String key(RawRead read) {
        return read.meterId() + "@" + read.at().getEpochSecond();
    }

    /** The new reads that break a rule of VEE, judged in each meter's series of held and new reads. */
    private static List<RuleBreak> judge(List<ImportedRead> reads, List<RawRead> held, Instant clock) {
        Map<String, Integer> lineOfNew = new HashMap<>();
        Map<String, List<RawRead>> series = new TreeMap<>();
        for (ImportedRead read : reads) {
            if (read.fate() == Fate.NEW) {
                lineOfNew.put(key(read.read()), read.line());
                series.computeIfAbsent(read.read().meterId(), id -> new ArrayList<>()).add(read.read());
            }
        }
        held.stream().filter(read -> series.containsKey(read.meterId()))
                .forEach(read -> series.get(read.meterId()).add(read));
        List<RuleBreak> breaks = new ArrayList<>();
        ReadValidator validator = new ReadValidator(MeterRating.DEFAULT, clock);
        for (List<RawRead> meterReads : series.values()) {
            meterReads.sort((a, b) -> a.at().compareTo(b.at()));
            for (ReadException e : validator.check(meterReads).exceptions()) {
                Integer line = lineOfNew.get(key(e.read()));
                if (line != null) {
                    breaks.add(new RuleBreak(line, e));
                }
            }
        }
        breaks.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return breaks;
    }

    private static List<MeterCounts> countByMeter(List<ImportedRead> reads, List<RuleBreak> ruleBreaks) {
        Map<String, int[]> counts = new TreeMap<>();
        for (ImportedRead read : reads) {
            int column = switch (read.fate()) {
                case NEW -> 0;
                case DUPLICATE -> 1;
                case CONFLICTING -> 2;
            };
            counts.computeIfAbsent(read.read().meterId(), id -> new int[4])[column]++;
        }
        ruleBreaks.forEach(b -> counts.get(b.exception().meterId())[3]++);
        List<MeterCounts> meters = new ArrayList<>();
        counts.forEach((meterId, c) -> meters.add(new MeterCounts(meterId, c[0], c[1], c[2], c[3])));
        return meters;
    }
}
