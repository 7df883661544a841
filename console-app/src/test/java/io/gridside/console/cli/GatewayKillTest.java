package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.PostPayments;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedGateway;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.journal.GatewayInputs;
import io.gridside.sim.journal.GatewayJournal;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.store.SiteStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the whole simulated gateway (a {@code sim} with a journal, in a JVM of its own, serving loopback TCP) at
 * seeded random instants while a console pushes imported top-ups (each twice, by reference) and pulls, and starts it
 * again on the same journal each time. At the end the journal's hash chain verifies, every reading is rated once,
 * no payment is credited twice and none is lost, the console's pulled ledger is the gateway's entry for entry and
 * its audit agrees, and the ledger is the one an uninterrupted gateway given the same commands at the same times
 * posts.
 */
class GatewayKillTest {

    private static final int METERS = 6;
    private static final long SEED = 31;
    /** A quarter hour of the site's time in 1.5 seconds: a run of a few seconds bills a handful of them. */
    private static final String SPEED = "600";
    /** The longest any one gateway process may live; {@code timeout} kills it past that, whatever the test does. */
    private static final int PROCESS_LIMIT_SECONDS = 120;

    @TempDir
    Path home;

    private Path journal;
    private Path laptop;
    private String supervisor;
    private String previousHome;
    private final List<String> references = new ArrayList<>();

    @BeforeEach
    void credentials() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        journal = home.resolve("journal");
        laptop = home.resolve("laptop.db");
        Instant now = Instant.now();
        supervisor = Credentials.write(home, "supervisor.json", DemoOperator.supervisorFor("site-" + SEED, now));
    }

    @AfterEach
    void restoreHome() {
        Credentials.restoreHome(previousHome);
    }

    /**
     * Two kills, one while the gateway starts and one as the console pushes: a JVM's start and the console's pulls
     * are most of each round's cost, some seconds each on a loaded machine.
     */
    @Test
    void aGatewayKilledAtRandomInstantsLosesAndDoublesNothing() throws Exception {
        killAndCheck(20_261_205L, 2, 4_000);
    }

    /** Twelve kills, some while the gateway still rebuilds its history or before it listens. */
    @Test
    @Tag("long")
    void aGatewayKilledMoreOftenLosesAndDoublesNothing() throws Exception {
        killAndCheck(7_031_978L, 12, 8_000);
    }

    private void killAndCheck(long seed, int kills, int maxDelayMs) throws Exception {
        Random random = new Random(seed);
        for (int round = 0; round < kills; round++) {
            runKilled(round, random.nextInt(maxDelayMs) - maxDelayMs / 4);
        }
        runToTheEnd(kills);

        try (GatewayJournal kept = GatewayJournal.open(journal, meterIds())) {
            List<LedgerEntry> ledger = kept.ledgerAfter(0);
            assertChainVerifies(kept, ledger);
            assertNoPaymentCreditedTwiceOrLost(ledger);
            assertEveryReadingRatedOnce(kept.readings(Instant.EPOCH, Instant.MAX));
            assertTheConsoleHoldsTheGatewaysLedger(ledger);
            assertUninterruptedRunPostsTheSame(kept, ledger);
        }
    }

    /**
     * Starts the gateway, and works the console against it until it is killed: {@code delayMs} after the round's
     * payments are imported, as the console starts pushing them; or for a negative delay that long after its start,
     * which may be before it listens or has rebuilt its history.
     */
    private void runKilled(int round, int delayMs) throws Exception {
        Process process = start();
        AtomicBoolean killed = new AtomicBoolean();
        if (delayMs < 0) {
            CompletableFuture.delayedExecutor(-delayMs, TimeUnit.MILLISECONDS).execute(() -> kill(process, killed));
        }
        String tcp = tcpOf(process);
        assertThat(tcp != null || killed.get()).as("the gateway resumed, or was killed first: %s", errors()).isTrue();
        if (tcp != null && delayMs >= 0) {
            if (!Files.exists(laptop)) {
                // The console's first pull, which the import needs, before the first kill that may cut into it.
                audit(tcp);
            }
            importPayments(round);
            CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS).execute(() -> kill(process, killed));
            // The kill may land anywhere in these; a failed command is what a technician retries.
            push(tcp);
            push(tcp);
            audit(tcp);
        }
        kill(process, killed);
        assertThat(process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)).as("the killed gateway ended").isTrue();
    }

    /** Starts the gateway once more, pushes what is left twice, and pulls until every payment is in the ledger. */
    private void runToTheEnd(int round) throws Exception {
        Process process = start();
        try {
            String tcp = tcpOf(process);
            assertThat(tcp).as("the gateway resumed and listens: %s", errors()).isNotNull();
            CommandRun pulled = audit(tcp);
            assertThat(Files.exists(laptop)).as("the console pulled: " + pulled.err()).isTrue();
            importPayments(round);
            assertThat(push(tcp).exitCode()).isZero();
            assertThat(push(tcp).exitCode()).isZero();
            // Each pull covers another quarter hour or so of the site's time; the payments post at the next one.
            for (int pull = 0; pull < 40 && !allPaymentsPulled(); pull++) {
                audit(tcp);
            }
            assertThat(allPaymentsPulled()).as("every payment reached the console's ledger").isTrue();
            CommandRun audit = audit(tcp);
            assertThat(audit.exitCode()).as("the audit agrees: " + audit.out() + audit.err()).isZero();
        } finally {
            kill(process, new AtomicBoolean());
            process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder("timeout", "-s", "KILL", Integer.toString(PROCESS_LIMIT_SECONDS), java,
                "-Xmx256m", "-Dgridside.home=" + home, "-cp", System.getProperty("java.class.path"),
                "io.gridside.console.Main", "sim", "--meters", Integer.toString(METERS), "--seed",
                Long.toString(SEED), "--days", "0", "--speed", SPEED, "--tcp", "0", "--journal", journal.toString())
                .redirectError(home.resolve("sim-" + System.nanoTime() + ".err").toFile())
                .start();
    }

    /** Kills the gateway's JVM with SIGKILL: {@code timeout}'s child, and {@code timeout} with it. */
    private static void kill(Process process, AtomicBoolean killed) {
        killed.set(true);
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** What the gateways wrote to their error output, for a failure's message. */
    private String errors() throws IOException {
        StringBuilder errors = new StringBuilder();
        try (var files = Files.list(home)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".err")).sorted().toList()) {
                errors.append(Files.readString(file));
            }
        }
        return errors.toString();
    }

    /** The address the gateway announced, or null when it ended before it listened. */
    private static String tcpOf(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("tcp=")) {
                return line.substring("tcp=".length());
            }
        }
        return null;
    }

    /**
     * Imports two new payments of the round into the console's outbox, once the console holds the site: the first
     * pull may have been cut short by a kill, and then the round imports nothing.
     */
    private void importPayments(int round) throws IOException {
        if (!Files.exists(laptop)) {
            return;
        }
        Path book = home.resolve("payments-" + round + ".csv");
        String paid = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder csv = new StringBuilder("reference,customer,amount,time\n");
        List<String> imported = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String reference = "KILL-" + round + "-" + i;
            imported.add(reference);
            csv.append(reference).append(",C0000").append(1 + (round + i) % METERS).append(",")
                    .append(50 + round).append(".25,").append(paid).append('\n');
        }
        Files.writeString(book, csv.toString(), StandardCharsets.UTF_8);
        CommandRun run = CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString());
        if (run.exitCode() != 0) {
            assertThat(run.err()).as("only a database that holds no site yet refuses the import")
                    .contains("holds no site yet");
            return;
        }
        references.addAll(imported);
    }

    private CommandRun push(String tcp) {
        return CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "push", "--site",
                laptop.toString());
    }

    private CommandRun audit(String tcp) {
        return CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "audit", "--site",
                laptop.toString());
    }

    private boolean allPaymentsPulled() {
        if (!Files.exists(laptop)) {
            return false;
        }
        try (SiteStore store = SiteStore.openExisting(laptop)) {
            return store.ledgerPayments().keySet().containsAll(references);
        }
    }

    private SiteSpec spec() {
        try (GatewayInputs inputs = GatewayInputs.open(journal)) {
            return new SiteSpec(METERS, SEED, 0, inputs.site().orElseThrow().now());
        }
    }

    private List<String> meterIds() {
        try (SimulatedGateway gateway = new SimulatedGateway(spec(), SimClock.manual(spec().now()))) {
            return gateway.layout().meters().stream().map(Meter::meterId).toList();
        }
    }

    private static void assertChainVerifies(GatewayJournal kept, List<LedgerEntry> ledger) {
        byte[] link = LedgerChain.genesis();
        for (int i = 0; i < ledger.size(); i++) {
            LedgerEntry entry = ledger.get(i);
            assertThat(entry.seq()).isEqualTo(i + 1L);
            link = LedgerChain.link(link, entry);
            assertThat(kept.ledgerHash(entry.seq())).as("link of entry %d", entry.seq()).hasValue(link);
        }
    }

    private void assertNoPaymentCreditedTwiceOrLost(List<LedgerEntry> ledger) {
        List<String> credited = ledger.stream().filter(e -> e.kind() == EntryKind.TOP_UP)
                .map(LedgerEntry::reference).filter(reference -> reference.startsWith("payment:KILL-")).toList();
        assertThat(credited).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(references.stream().map(r -> "payment:" + r).toList());
    }

    /** Each meter's readings: one per quarter hour at most, and each register the last one plus its energy. */
    private static void assertEveryReadingRatedOnce(List<Reading> readings) {
        Set<String> seen = new HashSet<>();
        Map<String, Long> registers = new HashMap<>();
        for (Reading reading : readings) {
            assertThat(seen.add(reading.meterId() + "@" + reading.intervalStart())).as("%s once", reading).isTrue();
            Long last = registers.put(reading.meterId(), reading.registerWh());
            if (last != null) {
                assertThat(reading.registerWh() - reading.energyWh()).as("%s follows on", reading).isEqualTo(last);
            }
        }
        assertThat(registers).hasSize(METERS);
    }

    private void assertTheConsoleHoldsTheGatewaysLedger(List<LedgerEntry> ledger) {
        try (SiteStore store = SiteStore.openExisting(laptop)) {
            List<LedgerEntry> pulled = store.ledger();
            assertThat(pulled).isNotEmpty().isEqualTo(ledger.subList(0, pulled.size()));
        }
    }

    /** A gateway never killed, given each payment at the gateway's clock when it came, posts the same ledger. */
    private void assertUninterruptedRunPostsTheSame(GatewayJournal kept, List<LedgerEntry> ledger) {
        SiteSpec spec = spec();
        AtomicReference<Instant> now = new AtomicReference<>(spec.now());
        Instant lastTick = kept.billingTick().orElseThrow();
        try (SimulatedGateway uninterrupted = new SimulatedGateway(spec, now::get);
                GatewayInputs inputs = GatewayInputs.open(journal)) {
            for (GatewayInputs.Input input : inputs.inputs()) {
                if (input.clock().isBefore(lastTick)) {
                    now.set(input.clock());
                    uninterrupted.postPayments((PostPayments) MessageCodec.decode(input.code(), input.payload()));
                }
            }
            now.set(lastTick);
            assertThat(uninterrupted.ledgerAfter(0)).isEqualTo(ledger);
            assertThat(uninterrupted.readings(Instant.EPOCH, Instant.MAX))
                    .isEqualTo(kept.readings(Instant.EPOCH, Instant.MAX));
        }
    }
}
