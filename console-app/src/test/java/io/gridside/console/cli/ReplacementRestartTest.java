package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.BillingAudit;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.server.CashBook;
import io.gridside.sim.DemoOperator;
import io.gridside.site.LedgerEntry;
import io.gridside.site.store.SiteStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A technician's whole replacement from the command line, on a simulator in a JVM of its own: {@code sim --journal
 * DIR --replace-gateway-after N --replace-gateway-on-input} lets the gateway die when the test types a line once the
 * console has pulled, {@code connect ... replace-gateway} restores the new one,
 * cash is taken on it, and then the simulator is killed and started again on the same journal. The new gateway
 * comes back at once with every balance the console's replica holds, numbers its next receipt after the last one
 * it gave, holds each payment once, and the audit of the site passes across the restart.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ReplacementRestartTest {

    private static final int METERS = 6;
    private static final long SEED = 37;
    private static final String SITE = "site-" + SEED;
    /** A quarter hour of the site's time in 15 seconds: slow enough to check balances between two ticks. */
    private static final String SPEED = "60";
    /**
     * Later than the simulator lives: the gateway dies when the test types a line, after the console's first pull,
     * however long the machine took to get there.
     */
    private static final String DIES_AFTER_MINUTES = "600";
    /** How long the balances are looked at again while each look spans a quarter hour billed. */
    private static final Duration LOOKS_LIMIT = Duration.ofSeconds(90);
    /** The longest any one simulator may live; {@code timeout} kills it past that, whatever the test does. */
    private static final int PROCESS_LIMIT_SECONDS = 240;

    @TempDir
    Path home;

    private Path journal;
    private String laptop;
    private String supervisor;
    private String technician;
    private String previousHome;
    private Process sim;
    private BufferedReader simOut;

    @BeforeEach
    void credentials() throws IOException {
        previousHome = System.getProperty("gridside.home");
        System.setProperty("gridside.home", home.toString());
        journal = home.resolve("journal");
        laptop = home.resolve("laptop.db").toString();
        Instant now = Instant.now();
        supervisor = Credentials.write(home, "supervisor.json", DemoOperator.supervisorFor(SITE, now));
        technician = Credentials.write(home, "technician.json", DemoOperator.issue("T-0042", "Amina Wanjiru",
                Role.TECHNICIAN, List.of(SITE), now.minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of(TechnicianCredential.CASH_LIMIT, 1_000_000L)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        kill();
        Credentials.restoreHome(previousHome);
    }

    @Test
    void aReplacementStartedAgainOnItsJournalKeepsBalancesReceiptsAndItsAudit() throws Exception {
        start();
        String tcp = announced("tcp=");
        CommandRun pin = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "status");
        assertThat(pin.exitCode()).as("a supervisor pins the site first: " + pin.err()).isZero();
        String deadReceipt = topUp(tcp, "C00001", "20", "CASH-R1");
        CommandRun pull = audit(tcp);
        assertThat(pull.exitCode()).as("the console pulls the site before its gateway dies: " + pull.err()).isZero();
        sim.getOutputStream().write("\n".getBytes(StandardCharsets.UTF_8));
        sim.getOutputStream().flush();
        String replaced = announced("replaced=");
        CommandRun replace = CommandRun.of("connect", "--tcp", replaced, "replace-gateway", "--site", laptop,
                "--payments-complete", "--credential", supervisor);
        assertThat(replace.exitCode()).as(replace.out() + replace.err()).isZero();
        String first = topUp(replaced, "C00002", "15", "CASH-R2");
        CommandRun afterCash = audit(replaced);
        assertThat(afterCash.exitCode()).as(afterCash.out() + afterCash.err()).isZero();
        Map<String, Long> before = balancesAsPulled(replaced);

        kill();
        start();
        announced("tcp=");
        String again = announced("replaced=");
        CommandRun resumedAudit = audit(again);
        Map<String, Long> after = balancesAsPulled(again);
        String next = topUp(again, "C00003", "5", "CASH-R3");
        CommandRun retried = CommandRun.of("connect", "--tcp", again, "--credential", technician, "topup",
                "--customer", "C00002", "--amount", "15", "--reference", "CASH-R2", "--json");
        // Cash is posted to the ledger at the gateway's next quarter hour, 15 real seconds at this speed: the
        // console pulls until it is there.
        for (int look = 0; look < 90 && !inLedger("CASH-R2", "CASH-R3"); look++) {
            Thread.sleep(1_000);
            audit(again);
        }
        CommandRun finalAudit = audit(again);

        assertThat(resumedAudit.exitCode()).as(resumedAudit.out() + resumedAudit.err()).isZero();
        assertThat(after.keySet()).isEqualTo(before.keySet()).hasSize(METERS);
        assertThat(CashBook.numberOf(first)).as("the new gateway numbers on from the dead one's book")
                .isEqualTo(CashBook.numberOf(deadReceipt) + 1);
        assertThat(CashBook.numberOf(next)).as("the restarted gateway numbers on from its own last receipt")
                .isEqualTo(CashBook.numberOf(first) + 1);
        assertThat(new ObjectMapper().readTree(retried.out()).get("outcome").asText())
                .isEqualTo("ALREADY_CREDITED");
        assertThat(finalAudit.exitCode()).as(finalAudit.out() + finalAudit.err()).isZero();
        try (SiteStore store = SiteStore.openExisting(Path.of(laptop))) {
            List<String> references = store.ledger().stream().map(LedgerEntry::reference).toList();
            assertThat(references.stream().filter(r -> r.endsWith("CASH-R1"))).as(references + replace.out())
                    .hasSize(1);
            assertThat(references.stream().filter(r -> r.endsWith("CASH-R2"))).as(references.toString()).hasSize(1);
            assertThat(references.stream().filter(r -> r.endsWith("CASH-R3"))).hasSize(1);
        }
    }

    /**
     * Each customer's balance on the gateway, checked against the console's replay of the ledger and readings it
     * pulled just before and just after: the posted balance less what accrued since (charges post at midnight, so
     * the gateway's balance is rarely its ledger's last). A quarter hour billed in between looks again, with the
     * pull that ended the look as the next one's first, so a look takes two commands: on a loaded machine they fit
     * in a quarter hour's 15 seconds more often than three, and a look that does not is only tried again.
     */
    private Map<String, Long> balancesAsPulled(String tcp) throws IOException {
        long until = System.nanoTime() + LOOKS_LIMIT.toNanos();
        CommandRun pull = audit(tcp);
        while (true) {
            assertThat(pull.exitCode()).as(pull.out() + pull.err()).isZero();
            List<Long> pulled = pulledSoFar();
            CommandRun meters = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "meters",
                    "--json");
            pull = audit(tcp);
            assertThat(pull.exitCode()).as(pull.out() + pull.err()).isZero();
            if (pulledSoFar().equals(pulled)) {
                Map<String, Long> replayed = replayedBalances();
                Map<String, Long> balances = new HashMap<>();
                for (JsonNode meter : new ObjectMapper().readTree(meters.out())) {
                    balances.put(meter.get("customerId").asText(), meter.get("balanceMinor").asLong());
                }
                assertThat(balances).as("the gateway's balances are its ledger's less what accrued since")
                        .isEqualTo(replayed);
                return balances;
            }
            assertThat(System.nanoTime()).as("the site billed a quarter hour during each look at its balances for "
                    + LOOKS_LIMIT).isLessThan(until);
        }
    }

    /** The last ledger entry and the number of readings the laptop holds: they move when the gateway bills. */
    private List<Long> pulledSoFar() {
        try (SiteStore store = SiteStore.openExisting(Path.of(laptop))) {
            return List.of(store.lastLedgerSeq(), (long) store.readings(Instant.EPOCH, Instant.MAX).size());
        }
    }

    private Map<String, Long> replayedBalances() {
        Map<String, Long> balances = new HashMap<>();
        try (SiteStore store = SiteStore.openExisting(Path.of(laptop))) {
            BillingAudit.run(store).rows().forEach(row -> balances.put(row.customerId(), row.balanceMinor()));
        }
        return balances;
    }

    private boolean inLedger(String... references) {
        try (SiteStore store = SiteStore.openExisting(Path.of(laptop))) {
            return store.ledgerPayments().keySet().containsAll(List.of(references));
        }
    }

    /** Takes cash from the technician and returns the receipt's number. */
    private String topUp(String tcp, String customerId, String amount, String reference) throws IOException {
        CommandRun run = CommandRun.of("connect", "--tcp", tcp, "--credential", technician, "topup", "--customer",
                customerId, "--amount", amount, "--reference", reference, "--json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return new ObjectMapper().readTree(run.out()).get("receipt").asText();
    }

    private CommandRun audit(String tcp) {
        return CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "audit", "--site", laptop);
    }

    private void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        sim = new ProcessBuilder("timeout", "-s", "KILL", Integer.toString(PROCESS_LIMIT_SECONDS), java,
                "-Xmx256m", "-Dgridside.home=" + home, "-cp", System.getProperty("java.class.path"),
                "io.gridside.console.Main", "sim", "--meters", Integer.toString(METERS), "--seed",
                Long.toString(SEED), "--days", "1", "--speed", SPEED, "--tcp", "0", "--journal", journal.toString(),
                "--replace-gateway-after", DIES_AFTER_MINUTES, "--replace-gateway-on-input")
                .redirectError(home.resolve("sim-" + System.nanoTime() + ".err").toFile())
                .start();
        simOut = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The address the simulator announces on the line that starts with {@code key}, waiting for it. */
    private String announced(String key) throws IOException {
        String line;
        while ((line = simOut.readLine()) != null) {
            if (line.startsWith(key)) {
                return line.substring(key.length());
            }
        }
        throw new AssertionError("the simulator ended before it announced " + key + ": " + errors());
    }

    private String errors() throws IOException {
        StringBuilder errors = new StringBuilder();
        try (var files = Files.list(home)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".err")).sorted().toList()) {
                errors.append(Files.readString(file));
            }
        }
        return errors.toString();
    }

    /** Kills the simulator's JVM with SIGKILL, as a power cut would: {@code timeout}'s child, and it. */
    private void kill() throws InterruptedException {
        if (sim == null) {
            return;
        }
        sim.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        sim.destroyForcibly();
        sim.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS);
        sim = null;
    }
}
