package io.gridside.sim.journal;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.CreditTerms;
import io.gridside.site.Reading;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's billing as a process of its own, for the kill test: it opens the journal in a directory, resumes
 * billing from the state the journal holds (or opens the accounts on a new one), and rates a {@link BillingStream}
 * quarter hour by quarter hour, each in one journal transaction, printing {@code tick T} once T is committed and
 * {@code done} at the end. Killed at any instant and started again on the same directory, it carries on.
 *
 * <p>Arguments: journal directory, seed, meters, days.
 */
public final class JournalBillingProcess {

    private JournalBillingProcess() {
    }

    public static void main(String[] args) {
        Path directory = Path.of(args[0]);
        BillingStream stream = new BillingStream(Long.parseLong(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (GatewayJournal journal = GatewayJournal.open(directory, stream.meterIds())) {
            run(journal, stream, out);
        }
        out.println("done");
    }

    static void run(GatewayJournal journal, BillingStream stream, PrintStream out) {
        JournalLedger ledger = new JournalLedger(journal);
        Optional<Instant> resumedAt = journal.billingTick();
        BillingEngine engine;
        if (resumedAt.isPresent()) {
            engine = BillingEngine.resume(BillingStream.TARIFF, stream.rater(), ledger, CreditTerms.PLAIN,
                    journal.accountStates(), resumedAt.get());
        } else if (journal.lastLedgerSeq() == 0) {
            engine = stream.openedEngine(ledger);
            write(journal, engine, ledger, stream.start(), List.of());
        } else {
            throw new IllegalStateException("The journal holds a ledger but no billing state to resume it from.");
        }
        for (Instant end = engine.lastTick().plus(Reading.INTERVAL); !end.isAfter(stream.end());
                end = end.plus(Reading.INTERVAL)) {
            List<Reading> readings = stream.readings(end);
            engine.tick(end, stream.topUps(end), readings);
            write(journal, engine, ledger, end, readings);
            out.println("tick " + end);
        }
    }

    private static void write(GatewayJournal journal, BillingEngine engine, JournalLedger ledger, Instant tick,
            List<Reading> readings) {
        Map<String, byte[]> changed = new LinkedHashMap<>();
        engine.takeChangedAccounts().forEach(customer -> changed.put(customer, engine.accountState(customer)));
        journal.write(tick.minus(Reading.INTERVAL), readings, ledger.takeUnwritten(), List.of(),
                new BillingCheckpoint(changed, tick));
    }
}
