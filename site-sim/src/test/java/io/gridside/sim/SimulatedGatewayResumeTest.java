package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.server.SiteChangeRefusedException;
import io.gridside.sim.journal.JournalException;
import io.gridside.sim.scenario.Scenario;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway started again on the journal it kept resumes where it was, as though it had never stopped. */
class SimulatedGatewayResumeTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(8, 5, 1, NOW);

    @TempDir
    Path directory;

    @Test
    void resumesItsHistoryAndContinuesAsAnUninterruptedGatewayDoes() throws Exception {
        SimClock.Manual clock = SimClock.manual(NOW);
        List<LedgerEntry> before;
        try (SimulatedGateway first = gateway(SPEC, clock)) {
            feed(first, clock);
            before = first.ledgerAfter(0);
        }

        GatewayResume.Resumed resumed = GatewayResume.resumed(directory, SPEC);
        SimClock.Manual restarted = SimClock.manual(resumed.clock());
        SimClock.Manual reference = SimClock.manual(NOW);
        try (SimulatedGateway second = gateway(resumed.spec(), restarted);
                SimulatedGateway uninterrupted = new SimulatedGateway(SPEC, reference)) {
            assertThat(resumed.clock()).as("the last quarter hour the first gateway billed")
                    .isEqualTo(Instant.parse("2026-06-03T14:00:00Z"));
            assertThat(second.ledgerAfter(0)).isEqualTo(before);
            assertThat(second.meterStatus().get(2).meterId()).as("the exchange, resumed").isEqualTo("MX-0001");

            feed(uninterrupted, reference);
            Instant end = Instant.parse("2026-06-03T18:00:00Z");
            restarted.advance(Duration.between(restarted.now(), end));
            reference.advance(Duration.between(reference.now(), end));

            assertThat(second.ledgerAfter(0)).hasSizeGreaterThan(before.size())
                    .isEqualTo(uninterrupted.ledgerAfter(0));
            assertThat(second.readings(Instant.EPOCH, Instant.MAX))
                    .isEqualTo(uninterrupted.readings(Instant.EPOCH, Instant.MAX));
            assertThat(second.relayCommands()).isEqualTo(uninterrupted.relayCommands());
            assertThat(second.events(Instant.EPOCH, Instant.MAX))
                    .isEqualTo(uninterrupted.events(Instant.EPOCH, Instant.MAX));
        }
    }

    @Test
    void creditsAPaymentImportedJustBeforeAStopOnceAfterIt() {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedGateway first = gateway(SPEC, clock)) {
            first.postPayments(payment("BANK-77", 4_000, first.clock()));
        }

        GatewayResume.Resumed resumed = GatewayResume.resumed(directory, SPEC);
        SimClock.Manual restarted = SimClock.manual(resumed.clock());
        try (SimulatedGateway second = gateway(resumed.spec(), restarted)) {
            PaymentsPosted again = second.postPayments(payment("BANK-77", 4_000, second.clock()));
            restarted.advance(Reading.INTERVAL.multipliedBy(2));

            assertThat(again.results()).extracting(PaymentsPosted.Result::outcome)
                    .containsExactly(PaymentsPosted.Outcome.ALREADY_CREDITED);
            assertThat(second.ledgerAfter(0)).filteredOn(entry -> entry.kind() == EntryKind.TOP_UP)
                    .extracting(LedgerEntry::reference).containsExactly("payment:BANK-77");
        }
    }

    @Test
    void rebuildsTheCorrectionsAndImportsAConsoleSentAndTakesThemAgainAsDuplicates() {
        SiteSpec spec = SPEC.withBilling(SimBilling.REALISTIC);
        SimClock.Manual clock = SimClock.manual(NOW);
        PostReadings override;
        List<LedgerEntry> before;
        try (SimulatedGateway first = gateway(spec, clock)) {
            override = overrideBeforeThePeak(first);
            first.postPayments(payment("BANK-9", 3_000, first.clock()));

            assertThat(first.postReadings(override, "S-0007").results()).extracting(ReadingsTaken.Result::outcome)
                    .containsExactly(ReadingsTaken.Outcome.CORRECTED);
            clock.advance(Reading.INTERVAL);
            before = first.ledgerAfter(0);
        }

        GatewayResume.Resumed resumed = GatewayResume.resumed(directory, spec);
        try (SimulatedGateway second = gateway(resumed.spec(), SimClock.manual(resumed.clock()))) {
            assertThat(second.ledgerAfter(0)).isEqualTo(before);
            assertThat(second.importedPayments()).containsExactly("BANK-9");

            ReadingsTaken again = second.postReadings(override, "S-0007");

            assertThat(again.results()).extracting(ReadingsTaken.Result::outcome)
                    .containsExactly(ReadingsTaken.Outcome.DUPLICATE);
            assertThat(again.postedSeqs()).isEmpty();
            assertThat(second.ledgerAfter(0)).isEqualTo(before);
        }
    }

    /** An override that moves the quarter hour before Tuesday's evening peak (18:00 in Nairobi) into the peak. */
    private static PostReadings overrideBeforeThePeak(SimulatedGateway gateway) {
        Instant peak = Instant.parse("2026-06-02T15:00:00Z");
        Reading billed = gateway.readings(peak.minus(Duration.ofHours(1)), peak.plus(Duration.ofHours(1))).stream()
                .filter(r -> r.intervalEnd().equals(peak)).max(Comparator.comparingLong(Reading::energyWh))
                .orElseThrow();
        return new PostReadings(List.of(new PostReadings.Read(billed.meterId(), peak,
                billed.registerWh() - billed.energyWh(), PostReadings.Origin.OVERRIDDEN, "decision:1", "display")));
    }

    @Test
    void refusesAJournalKeptByAnotherSite() {
        gateway(SPEC, SimClock.manual(NOW)).close();
        SiteSpec other = new SiteSpec(8, 6, 1, NOW);

        assertThatThrownBy(() -> GatewayResume.resumed(directory, other)).isInstanceOf(JournalException.class)
                .hasMessageContaining("was kept by another site").hasMessageContaining("seed=5")
                .hasMessageContaining("seed=6");
        assertThatThrownBy(() -> gateway(other, SimClock.manual(NOW))).isInstanceOf(JournalException.class)
                .hasMessageContaining("was kept by another site");
        assertThat(GatewayResume.resumed(directory, SPEC).spec()).as("the journal is left as it was").isEqualTo(SPEC);
    }

    @Test
    void refusesAJournalThatDoesNotRebuildToItsLedger() {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (SimulatedGateway first = gateway(SPEC, clock)) {
            first.misrate(first.layout().meters().get(1).meterId(), java.time.LocalDate.of(2026, 6, 3), 500);
            // Past the site day's end, where the day's energy charges are posted.
            clock.advance(Duration.ofDays(1));
            first.advance();
        }

        assertThatThrownBy(() -> gateway(SPEC, SimClock.manual(NOW))).isInstanceOf(JournalException.class)
                .hasMessageContaining("did not rebuild to the ledger it kept");
    }

    /** An hour of billing, a payment imported, a meter exchanged, then four more hours. */
    private static void feed(SimulatedGateway gateway, SimClock.Manual clock) throws SiteChangeRefusedException {
        clock.advance(Duration.ofHours(1));
        gateway.postPayments(payment("BANK-1", 25_000, gateway.clock()));
        MeterStatus third = gateway.meterStatus().get(2);
        gateway.exchangeMeter(new ExchangeMeter(third.meterId(), "MX-0001", third.registerWh() + 20, 0, "dead"),
                "T-0042");
        clock.advance(Duration.ofHours(4));
        gateway.advance();
    }

    private static PostPayments payment(String reference, long amountMinor, Instant paidAt) {
        return new PostPayments(List.of(new PostPayments.Payment(reference, "C00002", amountMinor,
                SimBilling.CURRENCY, paidAt, "bank file")));
    }

    private SimulatedGateway gateway(SiteSpec spec, SimClock clock) {
        return new SimulatedGateway(spec, clock, DemoOperator.trusted(), SimulatedGateway.identityKeyFor(spec),
                Scenario.NONE, directory);
    }
}
