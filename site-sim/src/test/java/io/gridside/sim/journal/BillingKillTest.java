package io.gridside.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.LedgerStore;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.TopUp;
import io.gridside.site.ledger.LedgerChain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the gateway's billing process at random instants, in a JVM of its own, restarts it on the same journal each
 * time, and checks that the journal it leaves is the one an uninterrupted run posts: the hash chain verifies, every
 * reading is rated exactly once, no payment is credited twice, and the balances the chain gives are the engine's.
 */
class BillingKillTest {

    /** Long enough for a loaded machine to start a JVM and rate a whole run; a process past it is stopped. */
    private static final long PROCESS_LIMIT_SECONDS = 60;

    @TempDir
    Path directory;

    /** 12 meters over 2 days (192 quarter hours), killed 5 times: a JVM start is most of each round's cost. */
    @Test
    void aBillingProcessKilledAtRandomInstantsLosesAndDoublesNothing() throws Exception {
        killAndCheck(20_261_204L, new BillingStream(0, 12, 2), 5, 38);
    }

    /** 40 meters over 5 days, killed 15 times, some while the journal is still being created. */
    @Test
    @Tag("long")
    void aLongerRunKilledMoreOftenLosesAndDoublesNothing() throws Exception {
        killAndCheck(7_031_977L, new BillingStream(0, 40, 5), 15, 30);
    }

    /**
     * Runs the stream's billing, killing it {@code kills} times after a random number of committed quarter hours
     * below {@code maxTicks} (0: while it starts), a few milliseconds into the next; then lets it finish. The kills
     * times {@code maxTicks} stay below the stream's quarter hours, so every kill lands before the run's end.
     */
    private void killAndCheck(long seed, BillingStream shape, int kills, int maxTicks) throws Exception {
        Random random = new Random(seed);
        BillingStream stream = new BillingStream(random.nextLong(), shape.meters(), shape.days());

        int killed = 0;
        boolean done = false;
        while (!done) {
            int ticksBeforeKill = killed < kills ? random.nextInt(maxTicks) : Integer.MAX_VALUE;
            done = runUntil(stream, ticksBeforeKill, random.nextInt(4));
            killed += done ? 0 : 1;
        }

        assertThat(killed).as("kills before the run could finish").isEqualTo(kills);
        try (GatewayJournal journal = GatewayJournal.open(directory, stream.meterIds())) {
            List<LedgerEntry> ledger = journal.ledgerAfter(0);
            assertChainVerifies(journal, ledger);
            assertEveryReadingRatedOnce(journal, stream);
            assertEnergyIsTheExactTotal(journal, stream, ledger);
            assertNoPaymentCreditedTwice(stream, ledger);
            assertBalancesFromTheChainAreTheEngines(journal, stream, ledger);
            assertThat(ledger).isEqualTo(uninterrupted(stream));
        }
    }

    /**
     * Runs the process until it has committed {@code ticks} more quarter hours, then kills it {@code delayMs} later;
     * or to its end.
     *
     * @return whether the process finished its run
     */
    private boolean runUntil(BillingStream stream, int ticks, int delayMs) throws IOException, InterruptedException {
        Process process = start(stream);
        CompletableFuture.delayedExecutor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS).execute(process::destroyForcibly);
        boolean done = false;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int committed = 0;
            String line;
            while (committed < ticks && (line = out.readLine()) != null) {
                committed += line.startsWith("tick ") ? 1 : 0;
                done = line.equals("done");
            }
            if (!done) {
                Thread.sleep(delayMs);
                process.destroyForcibly();
            }
        }
        assertThat(process.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS)).as("the process ended").isTrue();
        if (ticks == Integer.MAX_VALUE) {
            assertThat(process.exitValue()).as("the last run, never killed, exits cleanly").isZero();
            return true;
        }
        return done;
    }

    private Process start(BillingStream stream) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Xmx128m",
                JournalBillingProcess.class.getName(), directory.toString(), Long.toString(stream.seed()),
                Integer.toString(stream.meters()), Integer.toString(stream.days()))
                .redirectError(directory.resolve("process-" + System.nanoTime() + ".err").toFile())
                .start();
    }

    private static void assertChainVerifies(GatewayJournal journal, List<LedgerEntry> ledger) {
        byte[] link = LedgerChain.genesis();
        for (int i = 0; i < ledger.size(); i++) {
            LedgerEntry entry = ledger.get(i);
            assertThat(entry.seq()).isEqualTo(i + 1L);
            link = LedgerChain.link(link, entry);
            assertThat(journal.ledgerHash(entry.seq())).as("link of entry %d", entry.seq()).hasValue(link);
        }
    }

    private static void assertEveryReadingRatedOnce(GatewayJournal journal, BillingStream stream) {
        List<Reading> billed = journal.readings(stream.start().minus(Reading.INTERVAL), stream.end());
        Set<String> seen = new HashSet<>();
        billed.forEach(r -> assertThat(seen.add(r.meterId() + "@" + r.intervalStart())).as("%s once", r).isTrue());
        List<Reading> expected = new ArrayList<>();
        for (Instant end = stream.start().plus(Reading.INTERVAL); !end.isAfter(stream.end());
                end = end.plus(Reading.INTERVAL)) {
            expected.addAll(stream.readings(end));
        }
        assertThat(billed).isEqualTo(expected);
    }

    /** Each customer's energy postings: floor(2.5 cents x the Wh of all their readings), the engine's rounding. */
    private static void assertEnergyIsTheExactTotal(GatewayJournal journal, BillingStream stream,
            List<LedgerEntry> ledger) {
        Map<String, Long> wh = new HashMap<>();
        journal.readings(stream.start().minus(Reading.INTERVAL), stream.end())
                .forEach(r -> wh.merge(r.meterId(), r.energyWh(), Long::sum));
        Map<String, Long> charged = sumByCustomer(ledger, EntryKind.ENERGY);
        for (int i = 0; i < stream.meters(); i++) {
            long exactTenthsOfCents = wh.get(stream.meterId(i)) * BillingStream.TARIFF.energyMinorPerKwh() / 100;
            assertThat(-charged.get(stream.customerId(i))).as("energy of %s", stream.customerId(i))
                    .isEqualTo(exactTenthsOfCents / 10);
        }
    }

    private static void assertNoPaymentCreditedTwice(BillingStream stream, List<LedgerEntry> ledger) {
        List<String> credited = ledger.stream().filter(e -> e.kind() == EntryKind.TOP_UP)
                .map(LedgerEntry::reference).toList();
        assertThat(credited).doesNotHaveDuplicates();
        assertThat(credited).containsExactlyInAnyOrderElementsOf(stream.paymentsUpTo(stream.end()).stream()
                .map(TopUp::reference).map(ref -> LedgerStore.PAYMENT_PREFIX + ref).toList());
    }

    private static void assertBalancesFromTheChainAreTheEngines(GatewayJournal journal, BillingStream stream,
            List<LedgerEntry> ledger) {
        BillingEngine resumed = BillingEngine.resume(BillingStream.TARIFF, stream.rater(), new JournalLedger(journal),
                CreditTerms.PLAIN, journal.accountStates(), journal.billingTick().orElseThrow());
        Map<String, Long> derived = sumByCustomer(ledger, null);
        for (int i = 0; i < stream.meters(); i++) {
            String customer = stream.customerId(i);
            assertThat(resumed.postedBalance(customer)).as("balance of %s", customer).isEqualTo(derived.get(customer))
                    .isEqualTo(resumed.balance(customer));
        }
    }

    /** The ledger of the same stream billed in one go, in memory. */
    private static List<LedgerEntry> uninterrupted(BillingStream stream) {
        BillingEngine engine = stream.openedEngine(LedgerStore.inMemory());
        for (Instant end = stream.start().plus(Reading.INTERVAL); !end.isAfter(stream.end());
                end = end.plus(Reading.INTERVAL)) {
            engine.tick(end, stream.topUps(end), stream.readings(end));
        }
        return engine.ledgerAfter(0);
    }

    /** Each customer's sum of entries of {@code kind}, or of all entries for null. */
    private static Map<String, Long> sumByCustomer(List<LedgerEntry> ledger, EntryKind kind) {
        Map<String, Long> sums = new HashMap<>();
        ledger.stream().filter(e -> kind == null || e.kind() == kind)
                .forEach(e -> sums.merge(e.customerId(), e.amountMinor(), Long::sum));
        return sums;
    }
}
