package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.imports.CsvReader;
import io.gridside.console.imports.CsvTable;
import io.gridside.console.service.VeeQueue;
import io.gridside.sim.SiteGenerator;
import io.gridside.sim.SiteLayout;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.month.MonthSpec;
import io.gridside.sim.month.SiteMonth;
import io.gridside.sim.scenario.Feeders;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import io.gridside.site.outage.Diagnosis;
import io.gridside.site.outage.DiagnosisInput;
import io.gridside.site.outage.Evidence;
import io.gridside.site.outage.MeterSpan;
import io.gridside.site.outage.Outage;
import io.gridside.site.outage.OutageCause;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gridside report} on two simulated days of a 60-meter site whose feeder F1 loses supply for three hours on
 * the first evening, its feeders mapped and billing's VEE run over it. The outages come from a stand-in diagnoser
 * that pairs each meter's power loss with its restore, so that these tests check the command and not the diagnosis.
 */
class ReportCommandTest {

    private static final String OUTAGE = "O-TEST-1";
    /** Enough meters for the site's wiring plan to lay two feeders. */
    private static final int METERS = 60;

    @TempDir
    static Path shared;

    private static Path site;
    private static Path month;
    private static Map<String, String> feederOf;
    private static List<String> feederOne;

    @TempDir
    Path dir;

    @BeforeAll
    static void simulateTheSite() throws IOException {
        month = SiteMonth.obtain(new MonthSpec(METERS, 7, "feeder-outage", 2), shared.resolve("cache"));
        site = shared.resolve("site.db");
        Files.copy(month, site);
        SiteLayout layout = SiteGenerator.generate(new SiteSpec(METERS, 7, 0, SiteMonth.START));
        Feeders feeders = layout.grid().names();
        feederOf = new HashMap<>();
        for (int i = 0; i < layout.meters().size(); i++) {
            feederOf.put(layout.meters().get(i).meterId(), feeders.feederOf(i));
        }
        feederOne = feederOf.entrySet().stream().filter(e -> e.getValue().equals("F1")).map(Map.Entry::getKey)
                .sorted().toList();
        try (SiteStore store = SiteStore.open(site)) {
            store.saveFeeders(feederOf);
            VeeQueue.run(store, store.site().orElseThrow(), SiteMonth.START.plusSeconds(2 * 86_400));
        }
    }

    @Test
    void printsTheOutagesAndTheIndicesOfTheSiteAndEachFeeder() {
        CommandRun run = report("--from", "2026-06-01", "--to", "2026-06-02");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(OUTAGE, "power outage", "SAIFI", "SAIDI MIN", "Missing readings:");
        assertThat(run.out().lines().filter(line -> line.startsWith("site ") || line.startsWith("F1 ")))
                .hasSize(2);
        assertThat(run.out()).contains(feederOne.size() + " customers affected, " + feederOne.size()
                + " of them without supply.");
    }

    @Test
    void jsonCarriesTheIndicesWorkedOutFromTheSimulatedOutageAndNullWhereUndefined() throws IOException {
        CommandRun run = report("--from", "2026-06-01", "--to", "2026-06-02", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode outage = json.get("outages").get(0);
        assertThat(outage.get("cause").asText()).isEqualTo("power");
        assertThat(outage.get("spans")).hasSize(feederOne.size());
        // Every meter of F1 was out three hours, but one billing held off then lost no supply and counts in no index:
        // SAIFI = counted / 60, F1's = counted / its meters, CAIDI 180 minutes.
        int counted = 0;
        for (JsonNode span : outage.get("spans")) {
            counted += span.get("counted").asBoolean() ? 1 : 0;
        }
        assertThat(counted).isBetween(1, feederOne.size());
        JsonNode indices = json.get("site");
        assertThat(indices.get("customersServed").asInt()).isEqualTo(METERS);
        assertThat(indices.get("saifi").asDouble()).isCloseTo(counted / (double) METERS, within(1e-9));
        assertThat(indices.get("caidiMinutes").asDouble()).isCloseTo(180.0, within(1.0));
        assertThat(json.get("feeders").get("F1").get("saifi").asDouble())
                .isCloseTo(counted / (double) feederOne.size(), within(1e-9));
        assertThat(json.get("feeders").size()).isGreaterThan(1);
        json.get("feeders").fields().forEachRemaining(feeder -> {
            if (!feeder.getKey().equals("F1")) {
                assertThat(feeder.getValue().get("caidiMinutes").isNull()).as(feeder.getKey()).isTrue();
                assertThat(feeder.getValue().get("saifi").asDouble()).as(feeder.getKey()).isZero();
            }
        });
        assertThat(json.get("gaps")).hasSize(feederOne.size());
        assertThat(json.get("gaps").get(0).get("missing").size()).isGreaterThan(8);
    }

    @Test
    void theProjectsDiagnoserFindsTheFeederOutageAndItsIndices() throws IOException {
        CommandRun run = CommandRun.of("report", "--site", site.toString(), "--from", "2026-06-01", "--to",
                "2026-06-02", "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode power = null;
        for (JsonNode outage : json.get("outages")) {
            if (outage.get("cause").asText().equals("power")) {
                power = outage;
            }
        }
        assertThat(power).as(run.out()).isNotNull();
        assertThat(power.get("feeders").get(0).asText()).isEqualTo("F1");
        assertThat(power.get("start").asText()).startsWith("2026-06-01T18:3");
        assertThat(json.get("site").get("saifi").asDouble()).isGreaterThan(0.0);
        assertThat(json.get("site").get("caidiMinutes").asDouble()).isCloseTo(180.0, within(15.0));
        assertThat(json.get("feeders").get("F1").get("sustainedInterruptions").asLong())
                .isEqualTo(json.get("site").get("sustainedInterruptions").asLong());
    }

    @Test
    void writesTheReportOfOneOutageAsCsvAndAsAPrintablePage() throws IOException {
        Path csv = dir.resolve("report.csv");
        Path html = dir.resolve("report.html");

        CommandRun run = report("--from", "2026-06-01", "--to", "2026-06-02", "--outage", OUTAGE, "--csv",
                csv.toString(), "--html", html.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Wrote the report of 1 outage to " + csv, "to " + html);
        CsvTable table = CsvReader.read(Files.readAllBytes(csv), List.of("row", "outage_id", "meter_id"));
        assertThat(table.problems()).isEmpty();
        assertThat(table.rows().stream().filter(row -> row.get("row").equals("meter")).map(row -> row.get("meter_id")))
                .containsExactlyElementsOf(feederOne);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Incident report",
                OUTAGE + ": power outage", "Feeder F1");
    }

    @Test
    void refusesToWriteOverAFileUnlessToldTo() throws IOException {
        Path csv = Files.writeString(dir.resolve("kept.csv"), "keep me");

        CommandRun refused = report("--from", "2026-06-01", "--to", "2026-06-02", "--csv", csv.toString());
        CommandRun replaced = report("--from", "2026-06-01", "--to", "2026-06-02", "--csv", csv.toString(),
                "--replace");

        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.err()).contains("exists", "[FILE_EXISTS]");
        assertThat(replaced.exitCode()).as(replaced.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(csv)).startsWith("row,outage_id,");
    }

    @Test
    void anOutageTheWindowDoesNotHoldIsAUsageErrorThatNamesThoseItHolds() {
        CommandRun run = report("--from", "2026-06-01", "--to", "2026-06-02", "--outage", "O-NOPE");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("holds no outage O-NOPE; it holds " + OUTAGE);
    }

    @Test
    void aQuietWindowHasNoOutageAndUndefinedCaidi() {
        CommandRun run = report("--from", "2026-06-02T12:00", "--to", "2026-06-02T18:00");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(": 0 outages, 0 customers affected, 0 of them", "CAIDI is undefined");
    }

    @Test
    void badTimesAndMissingDatabasesAreUsageErrors() {
        CommandRun backwards = report("--from", "2026-06-02", "--to", "2026-06-01T12:00");
        CommandRun garbled = report("--from", "yesterday", "--to", "2026-06-02");
        CommandRun missing = run("report", "--site", dir.resolve("none.db").toString(), "--from", "2026-06-01",
                "--to", "2026-06-02");

        assertThat(backwards.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(backwards.err()).contains("--to must come after --from");
        assertThat(garbled.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(garbled.err()).contains("--from takes a date");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("[" + SiteFiles.NO_SITE + "]");
    }

    @Test
    void aWindowBeforeOrAfterTheHistoryHeldSaysTheIndicesSayNothingAboutIt() throws IOException {
        CommandRun before = report("--from", "2026-05-01", "--to", "2026-05-10");
        CommandRun after = report("--from", "2026-11-01", "--to", "2026-11-30", "--json");

        assertThat(before.exitCode()).as(before.err()).isEqualTo(ExitCode.OK);
        assertThat(before.out()).contains(": 0 outages", "The site database holds events from 2026-06-01",
                "holds none: the indices say nothing about it.");
        assertThat(before.errLines()).hasSize(1);
        assertThat(before.err()).startsWith("Warning: The site database holds events from 2026-06-01");
        assertThat(after.exitCode()).as(after.err()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(after.out());
        assertThat(json.get("history").get("coverage").asText()).isEqualTo("outside");
        assertThat(json.get("history").get("first").asText()).startsWith("2026-06-01T");
        assertThat(json.get("historyWarning").asText()).contains("the indices say nothing about it");
        assertThat(after.err()).contains("Warning:");
    }

    @Test
    void aWindowReachingPastTheHistoryIsFlaggedOnThePageAndInTheCsvButOneWithinItIsNot() throws IOException {
        Path csv = dir.resolve("partly.csv");
        Path html = dir.resolve("partly.html");

        CommandRun partly = report("--from", "2026-05-30", "--to", "2026-06-01T12:00", "--csv", csv.toString(),
                "--html", html.toString());
        CommandRun within = report("--from", "2026-06-01", "--to", "2026-06-02T12:00", "--json");

        assertThat(partly.exitCode()).as(partly.err()).isEqualTo(ExitCode.OK);
        assertThat(partly.err()).contains("Warning:", "reaches past that");
        CsvTable table = CsvReader.read(Files.readAllBytes(csv), List.of("row", "from", "to", "text"));
        assertThat(table.problems()).isEmpty();
        assertThat(table.rows().get(0).get("row")).isEqualTo("history");
        assertThat(table.rows().get(0).get("text")).contains("the indices say nothing about the part outside it");
        assertThat(Files.readString(html)).contains("<p class=\"warning\">", "reaches past that");
        assertThat(within.exitCode()).as(within.err()).isEqualTo(ExitCode.OK);
        assertThat(within.err()).doesNotContain("Warning");
        JsonNode json = new ObjectMapper().readTree(within.out());
        assertThat(json.get("history").get("coverage").asText()).isEqualTo("within");
        assertThat(json.get("historyWarning").isNull()).isTrue();
    }

    @Test
    void missingReadingsOfAWindowBillingHasNotEstimatedSaySoRatherThanNoneEstimated() throws IOException {
        Path unestimated = dir.resolve("unestimated.db");
        Files.copy(month, unestimated);
        try (SiteStore store = SiteStore.open(unestimated)) {
            store.saveFeeders(feederOf);
        }

        CommandRun run = run("report", "--site", unestimated.toString(), "--from", "2026-06-01", "--to",
                "2026-06-02");
        CommandRun estimated = report("--from", "2026-06-01", "--to", "2026-06-02");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("billing has not estimated these yet (run gridside bill vee --site FILE)")
                .doesNotContain("billing estimated 0");
        assertThat(estimated.out()).contains("; billing estimated ").doesNotContain("has not estimated");
    }

    @Test
    void aDatabaseCutShortOrOverwrittenNearItsStartIsRefusedAsDamaged() throws IOException {
        Path cut = dir.resolve("cut.db");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(site), 3 * 4096));
        Path overwritten = dir.resolve("overwritten.db");
        byte[] bytes = Files.readAllBytes(site);
        Arrays.fill(bytes, 100, 4096, (byte) 0x55);
        Files.write(overwritten, bytes);

        for (Path damaged : List.of(cut, overwritten)) {
            CommandRun run = run("report", "--site", damaged.toString(), "--from", "2026-06-01", "--to",
                    "2026-06-02");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
            assertThat(run.err()).contains("[SITE_DAMAGED]", "may be damaged");
            assertThat(Path.of(damaged + "-wal")).doesNotExist();
            assertThat(Path.of(damaged + "-shm")).doesNotExist();
        }
    }

    @Test
    void anOutageTheWindowDoesNotHoldNamesTheFirstTenOfManyAndHowManyMore() {
        CommandRun run = runWith(ReportCommandTest::oneOutagePerMeter, "report", "--site", site.toString(),
                "--from", "2026-06-01", "--to", "2026-06-02", "--outage", "O-nope");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(feederOne.size()).isGreaterThan(ReportCommand.NAMED_OUTAGES);
        assertThat(run.err()).contains("it holds O-TEST-1, O-TEST-2, ", "O-TEST-10 and "
                + (feederOne.size() - ReportCommand.NAMED_OUTAGES) + " more.").doesNotContain("O-TEST-11");
    }

    /** The stand-in diagnosis with each meter's time out as an outage of its own, numbered by meter. */
    static Diagnosis oneOutagePerMeter(DiagnosisInput input) {
        Diagnosis one = powerPairs(input);
        List<Outage> outages = new ArrayList<>();
        for (Outage outage : one.outages()) {
            for (MeterSpan span : outage.spans()) {
                outages.add(new Outage("O-TEST-" + (outages.size() + 1), outage.cause(), span.from(), span.to(),
                        List.of(span), outage.feeders(), outage.evidence(), List.of(), List.of()));
            }
        }
        return new Diagnosis(one.from(), one.to(), outages, one.excludedMeters());
    }

    private static CommandRun report(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "report";
        all[1] = "--site";
        all[2] = site.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return run(all);
    }

    /** Runs the command line with the stand-in diagnoser in the report command. */
    private static CommandRun run(String... args) {
        return runWith(ReportCommandTest::powerPairs, args);
    }

    /** Runs the command line with {@code diagnoser} in the report command. */
    private static CommandRun runWith(Function<DiagnosisInput, Diagnosis> diagnoser, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == ReportCommand.class ? type.cast(new ReportCommand(diagnoser))
                        : CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GridsideCommand.commandLine(factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /**
     * A stand-in diagnosis: every meter's power loss paired with its next restore, as one power outage of all the
     * meters out in the window; a meter whose relay billing or maintenance opened is excluded, and lost no supply
     * while its relay stood open, as the project's diagnoser has it.
     */
    static Diagnosis powerPairs(DiagnosisInput input) {
        Map<String, SiteEvent> lost = new HashMap<>();
        List<MeterSpan> spans = new ArrayList<>();
        TreeSet<Long> ids = new TreeSet<>();
        TreeSet<String> excluded = new TreeSet<>();
        Set<String> held = new HashSet<>();
        Set<String> lostWhileHeld = new HashSet<>();
        for (SiteEvent event : input.events()) {
            if (event.kind() == EventKind.POWER_LOSS) {
                lost.put(event.source(), event);
                if (held.contains(event.source())) {
                    lostWhileHeld.add(event.source());
                } else {
                    lostWhileHeld.remove(event.source());
                }
            } else if (event.kind() == EventKind.POWER_RESTORE && lost.containsKey(event.source())) {
                SiteEvent loss = lost.remove(event.source());
                if (event.at().isAfter(input.from()) && loss.at().isBefore(input.to())) {
                    spans.add(new MeterSpan(event.source(), loss.at(), event.at(),
                            !lostWhileHeld.contains(event.source()), true));
                    ids.addAll(List.of(loss.id(), event.id()));
                }
            } else if (event.kind() == EventKind.RELAY_OFF) {
                held.add(event.source());
                if (!event.at().isBefore(input.from())) {
                    excluded.add(event.source());
                }
            } else if (event.kind() == EventKind.RELAY_ON) {
                held.remove(event.source());
            }
        }
        lost.forEach((meter, loss) -> {
            if (loss.at().isBefore(input.to())) {
                spans.add(new MeterSpan(meter, loss.at(), input.to(), !lostWhileHeld.contains(meter), false));
                ids.add(loss.id());
            }
        });
        if (spans.isEmpty()) {
            return new Diagnosis(input.from(), input.to(), List.of(), List.copyOf(excluded));
        }
        spans.sort(Comparator.comparing(MeterSpan::meterId));
        Instant start = spans.stream().map(MeterSpan::from).min(Instant::compareTo).orElseThrow();
        Instant end = spans.stream().map(MeterSpan::to).max(Instant::compareTo).orElseThrow();
        List<String> feeders = spans.stream().map(span -> input.feederOf().get(span.meterId())).distinct().sorted()
                .toList();
        Outage outage = new Outage(OUTAGE, OutageCause.POWER, start, end, spans, feeders,
                List.of(Evidence.of(spans.size() + " meters lost power")), List.of(), List.copyOf(ids));
        return new Diagnosis(input.from(), input.to(), List.of(outage), List.copyOf(excluded));
    }
}
