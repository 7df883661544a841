package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.PostReadings;
import io.gridside.link.message.ReadingsTaken;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.CustomerCategory;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tariff version pushed late over loopback to a simulated site where, after it took effect, one customer's meter
 * was exchanged, one customer moved out and another moved in on the freed meter, and a supervisor corrected a
 * register: the gateway re-rates all three accounts across their meters and to the move-out, posts only what moved,
 * and afterwards the console's audit replays it entry for entry, reconciliation finds every line alike and the
 * command log traces the push.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class LateTariffSiteChangesCommandTest {

    /** 12:07 in Nairobi (UTC+3) on 3 June; two days of history begin 1 June at 12:00. */
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    /** 2 June's start in Nairobi, before every change. */
    private static final LocalDateTime YESTERDAY = LocalDateTime.parse("2026-06-02T00:00");
    /** 18:00 on 2 June in Nairobi: the register corrected. */
    private static final Instant CORRECTED_AT = Instant.parse("2026-06-02T15:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final GatewayPins pins = GatewayPins.inMemory();

    @Test
    void aVersionPushedAfterAnExchangeMovesAndACorrectionAuditsReconcilesAndIsTraced() throws IOException {
        SimClock.Manual clock = SimClock.manual(NOW);
        try (CommandSite fixture = CommandSite.start(home, NOW,
                () -> SimulatedSite.start(new SiteSpec(12, 6, 2, NOW), clock))) {
            MeterStatus exchanged = fixture.site().gateway().meterStatus().get(5);
            signed(fixture, clock, c -> c.billing().exchangeMeter(new ExchangeMeter(exchanged.meterId(), "MX-0601",
                    exchanged.registerWh() + 300, 40, "display dead")));
            clock.advance(Duration.ofMinutes(64));
            MeterStatus leaving = fixture.site().gateway().meterStatus().get(2);
            signed(fixture, clock, c -> c.billing().moveOut(new MoveOut(leaving.customerId(),
                    leaving.registerWh() + 120, "left the village")));
            clock.advance(Duration.ofMinutes(71));
            signed(fixture, clock, c -> c.billing().moveIn(new MoveIn(leaving.meterId(), "C-0901", "Neema Otieno",
                    CustomerCategory.HOUSEHOLD, 25_000)));
            PostReadings correction = correctionBeforeThePeak(fixture, Set.of(exchanged.meterId(),
                    leaving.meterId()));
            List<ReadingsTaken> taken = new ArrayList<>();
            signed(fixture, clock, c -> taken.add(c.billing().postReadings(correction)));
            assertThat(taken.get(0).results()).extracting(ReadingsTaken.Result::outcome)
                    .containsExactly(ReadingsTaken.Outcome.CORRECTED);
            // Past a quarter hour, so that the push finds the ledger as the last tick left it.
            clock.advance(Duration.ofMinutes(20));

            Tariff flat = fixture.site().gateway().site().tariff();
            CommandRun pushed = fixture.connect(fixture.supervisor(), "tariff-push", writeTariff(flat).toString(),
                    "--json", "--effective", YESTERDAY.toString());

            assertThat(pushed.exitCode()).as(pushed.out() + pushed.err()).isEqualTo(ExitCode.OK);
            JsonNode adjustments = JSON.readTree(pushed.out()).get("adjustments");
            List<String> adjusted = new ArrayList<>();
            adjustments.forEach(a -> adjusted.add(a.get("customerId").asText()));
            assertThat(adjusted).as(pushed.out()).contains(exchanged.customerId(), leaving.customerId(), "C-0901",
                    customerOf(fixture, correction.reads().get(0).meterId()));

            // A day on, billed at the new price from the re-rated state.
            clock.advance(Duration.ofHours(24));
            String site = home.resolve("site.db").toString();
            CommandRun audit = fixture.connect(fixture.supervisor(), "audit", "--site", site);
            assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(ExitCode.OK);
            CommandRun reconcile = fixture.connect(fixture.supervisor(), "reconcile", "--site", site, "--json");
            assertThat(reconcile.exitCode()).as(reconcile.out() + reconcile.err()).isEqualTo(ExitCode.OK);
            assertThat(JSON.readTree(reconcile.out()).get("differences")).as(reconcile.out()).isEmpty();
            CommandRun commands = fixture.connect(fixture.supervisor(), "commands");
            assertThat(commands.exitCode()).as(commands.out() + commands.err()).isEqualTo(ExitCode.OK);
            assertThat(commands.out()).contains("PushTariff -> TariffPushed (version 2, " + adjustments.size()
                    + " adjustments, entries " + adjustments.get(0).get("seq").asLong() + " to "
                    + adjustments.get(adjustments.size() - 1).get("seq").asLong() + ")");
        }
    }

    /**
     * A supervisor's override that moves the quarter hour before 2 June's evening peak into the peak, on the meter
     * that drew most then among those no change touched.
     */
    private static PostReadings correctionBeforeThePeak(CommandSite fixture, Set<String> changed) {
        Reading billed = fixture.site().gateway().readings(CORRECTED_AT.minus(Duration.ofHours(1)),
                CORRECTED_AT.plus(Duration.ofHours(1))).stream()
                .filter(r -> r.intervalEnd().equals(CORRECTED_AT) && !changed.contains(r.meterId()))
                .max(Comparator.comparingLong(Reading::energyWh)).orElseThrow();
        return new PostReadings(List.of(new PostReadings.Read(billed.meterId(), CORRECTED_AT,
                billed.registerWh() - billed.energyWh(), PostReadings.Origin.OVERRIDDEN, "decision:1", "display")));
    }

    private static String customerOf(CommandSite fixture, String meterId) {
        return fixture.site().gateway().meterStatus().stream().filter(m -> m.meterId().equals(meterId))
                .findFirst().orElseThrow().customerId();
    }

    /** Has the gateway do {@code request} as a supervisor's signed command, as the console's own commands do. */
    private void signed(CommandSite fixture, SimClock clock, Request request) throws IOException {
        String[] address = fixture.tcp().split(":");
        String siteId = fixture.site().gateway().profile().siteId();
        try (GatewayClient client = GatewayClient.open(TcpTransport.connect(address[0],
                Integer.parseInt(address[1]), 2_000), Authentication.of(DemoOperator.supervisorFor(siteId,
                clock.now()), pins).signingWith(DemoOperator.holderKey()), Duration.ofSeconds(10))) {
            request.send(client);
        }
    }

    @FunctionalInterface
    private interface Request {
        void send(GatewayClient client) throws IOException;
    }

    /**
     * The site's flat tariff followed by a version at 42.37 a kWh from yesterday, a price that leaves remainders
     * below a minor unit.
     */
    private Path writeTariff(Tariff flat) throws IOException {
        TariffVersion first = TariffSchedule.flat(flat).versions().get(0);
        TariffVersion next = new TariffVersion(YESTERDAY, flat.currency(), List.of(new Block(null,
                4_237 * Prices.ofMinorPerKwh(1), false)), null, List.of(), first.standing(), null, List.of(), null);
        Path file = home.resolve("tariff.json");
        Files.writeString(file, TariffFile.write(new TariffSchedule(flat.tariffId(), flat.currency(),
                List.of(first, next))));
        return file;
    }
}
