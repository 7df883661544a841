package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.Progress;
import io.gridside.console.service.SitePull;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.client.Authentication;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayPins;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.transport.TcpTransport;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.store.ReplacementRecords;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replaced site whose new gateway read one meter's register older (and lower) than the meter's last reading in
 * the replica, as a register typed from an earlier visit is (decision 0096), with another meter it could not read
 * and the rest read fresh: the stale register bills no gap, `replace-gateway` warns of it, the new gateway bills
 * that meter on from its last reading in the replica, so that over the day each of its quarter hours is billed once,
 * as the dead gateway's engine that never stopped billed them, and the audit agrees.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class StaleRegisterReplacementTest {

    /** 06:07 in Nairobi, early in the site day, so the gap and the takeover fall within one site day. */
    private static final Instant MORNING = Instant.parse("2026-06-03T03:07:00Z");
    /** How much lower than the reading it is of the stale register is typed: a figure from an earlier visit. */
    private static final long TYPED_LOWER_WH = 700;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private SimClock.Manual clock;
    private CommandSite old;
    private ReplacementGateway gateway;
    private ReplacementSite replacement;
    private String database;
    private String tcp;
    private String staleMeter;
    private String unreadMeter;

    @AfterEach
    void close() {
        if (replacement != null) {
            replacement.close();
        }
        old.close();
    }

    @Test
    void aStaleRegisterBillsNoQuarterHourTwiceAndTheAuditAgrees() throws IOException {
        replace();
        CommandRun replaced = replaceGateway("--json");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        JsonNode answer = JSON.readTree(replaced.out());
        JsonNode stale = answer.get("staleRegisters");
        Instant replicaEnd = replicaLastReadingEnd();

        assertThat(stale).hasSize(1);
        assertThat(stale.get(0).get("code").asText()).isEqualTo("STALE_REGISTER");
        assertThat(stale.get(0).get("meterId").asText()).isEqualTo(staleMeter);
        assertThat(Instant.parse(stale.get(0).get("registerAt").asText())).isBefore(replicaEnd);
        assertThat(Instant.parse(stale.get(0).get("replicaLastReadingAt").asText())).isEqualTo(replicaEnd);
        assertThat(stale.get(0).get("registerWh").asLong()).isLessThan(stale.get(0).get("replicaRegisterWh")
                .asLong());
        assertThat(replaced.err()).contains("[STALE_REGISTER]", staleMeter);
        JsonNode staleRow = rowOf(answer.get("customers"), staleMeter);
        assertThat(staleRow.get("gapEnergyWh").asLong()).isZero();
        assertThat(staleRow.get("unread").asBoolean()).isFalse();
        assertThat(staleRow.get("energyWh").asLong()).isNotNegative();
        assertThat(rowOf(answer.get("customers"), unreadMeter).get("unread").asBoolean()).isTrue();
        assertThat(rowOf(answer.get("customers"), old.site().gateway().layout().meters().get(3).meterId())
                .get("gapEnergyWh").asLong()).isPositive();
        assertThat(record().registers()).filteredOn(r -> r.meterId().equals(staleMeter))
                .singleElement().satisfies(r -> assertThat(r.at()).isEqualTo(replicaEnd));

        runToTheEndOfTheSiteDay();
        CommandRun text = audit();
        JsonNode audit = JSON.readTree(audit("--json").out()).get("audit");

        assertThat(audit.get("firstDifference").isNull()).as(audit.toString()).isTrue();
        assertThat(audit.get("agrees").asBoolean()).isTrue();
        assertThat(text.exitCode()).as(text.out()).isZero();
        assertEachQuarterHourBilledOnceAsByAnEngineThatNeverStopped(replicaEnd);
    }

    @Test
    void replaceGatewaySaysWhichRegisterWasStaleAndShowsItsRowSo() throws IOException {
        replace();
        CommandRun replaced = replaceGateway();

        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(replaced.err()).contains("warning: the register of meter " + staleMeter, "before its last "
                + "reading in the replica", "[STALE_REGISTER]");
        assertThat(replaced.err().lines().filter(line -> line.contains("[STALE_REGISTER]"))).hasSize(1);
        assertThat(replaced.out().lines().filter(line -> line.contains(staleMeter)))
                .singleElement().satisfies(line -> assertThat(line).contains("stale read"));
    }

    /**
     * The stale meter's readings the site was billed for (the replica's up to its last reading there, the new
     * gateway's after) are the dead gateway's own, quarter hour by quarter hour: its simulation billed on as an
     * engine that never stopped. Without the reconciliation saying where the meter was billed to, the new gateway's
     * first readings would start at the stale register and repeat the replica's last ones.
     */
    private void assertEachQuarterHourBilledOnceAsByAnEngineThatNeverStopped(Instant replicaEnd) {
        ZoneId zone = ZoneId.of(old.site().gateway().profile().timeZone());
        Instant dayStart = LocalDate.ofInstant(MORNING, zone).atStartOfDay(zone).toInstant();
        Instant dayEnd = LocalDate.ofInstant(MORNING, zone).plusDays(1).atStartOfDay(zone).toInstant();
        List<Reading> fromNew = new ArrayList<>(gateway.readings(dayStart, dayEnd, staleMeter));
        Map<Instant, Long> billed = new TreeMap<>();
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            List<Reading> replicas = store.readings(staleMeter, dayStart, replicaEnd).stream()
                    .filter(r -> !r.intervalEnd().isAfter(replicaEnd)).toList();
            replicas.forEach(r -> assertThat(billed.put(r.intervalStart(), r.energyWh())).isNull());
            // The new gateway serves the readings the restore carried (section 6.41) beside its own: one of each is
            // taken out, so that a quarter hour it billed again is left in.
            replicas.forEach(fromNew::remove);
        }
        assertThat(fromNew).isNotEmpty();
        assertThat(fromNew.get(0).intervalStart()).isEqualTo(replicaEnd);
        fromNew.forEach(r -> assertThat(billed.put(r.intervalStart(), r.energyWh())).as("billed twice: " + r)
                .isNull());
        Map<Instant, Long> neverStopped = new TreeMap<>();
        old.site().gateway().readings(dayStart, dayEnd, staleMeter)
                .forEach(r -> neverStopped.put(r.intervalStart(), r.energyWh()));
        assertThat(billed).isEqualTo(neverStopped);
        assertThat(energyCharged(customerOf(staleMeter), dayEnd, newLedger()))
                .isEqualTo(energyCharged(customerOf(staleMeter), dayEnd, old.site().gateway().ledgerAfter(0)));
    }

    /** The site database's ledger, the replica's and the new gateway's, as the audit pulled it. */
    private List<LedgerEntry> newLedger() {
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            return store.ledger();
        }
    }

    /** The energy charged to {@code customerId} for the site day before {@code dayEnd}, in minor units. */
    private static long energyCharged(String customerId, Instant dayEnd, List<LedgerEntry> ledger) {
        return ledger.stream().filter(e -> e.customerId().equals(customerId) && e.kind() == EntryKind.ENERGY)
                .filter(e -> e.at().isAfter(dayEnd.minus(Duration.ofDays(1))) && !e.at().isAfter(dayEnd))
                .mapToLong(LedgerEntry::amountMinor).sum();
    }

    private String customerOf(String meterId) {
        return old.site().gateway().layout().meters().stream().filter(m -> m.meterId().equals(meterId))
                .findFirst().orElseThrow().customerId();
    }

    /** The end of the stale meter's last reading in the replica the laptop pulled. */
    private Instant replicaLastReadingEnd() {
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            List<Reading> readings = store.readings(staleMeter, Instant.EPOCH, MORNING);
            return readings.get(readings.size() - 1).intervalEnd();
        }
    }

    /**
     * Starts a small realistic site early in the day, pulls it, lets its gateway run on for two hours and die, and
     * a new one listen two hours later, which reads one meter's register as typed from a visit before the pull
     * (older and lower than its last reading in the replica) and cannot reach a household's.
     */
    private void replace() throws IOException {
        clock = SimClock.manual(MORNING);
        old = CommandSite.start(home, MORNING, () -> SimulatedSite.start(
                new SiteSpec(24, 8, 2, MORNING, SimBilling.REALISTIC_SHOPS_APART), clock)).pinned();
        unreadMeter = old.site().gateway().layout().meters().get(21).meterId();
        String siteId = old.site().gateway().profile().siteId();
        database = home.resolve("site.db").toString();
        String[] address = old.tcp().split(":");
        try (SiteStore store = SiteStore.open(Path.of(database));
                GatewayClient client = GatewayClient.open(
                        TcpTransport.connect(address[0], Integer.parseInt(address[1]), 2000),
                        Authentication.of(DemoOperator.supervisorFor(siteId, clock.now()), GatewayPins.inMemory()),
                        Duration.ofSeconds(10))) {
            SitePull.run(client, store, Instant.EPOCH, clock.now(), Progress.NONE, () -> false);
            staleMeter = usingMostInTheHalfHourBefore(store, clock.now());
        }
        Instant pulledAt = clock.now();
        clock.advance(Duration.ofHours(2));
        old.site().stopListeningTcp();
        old.site().endTcpSessions();
        clock.advance(Duration.ofHours(2));
        gateway = new ReplacementGateway(siteId, "GW-NEW001", SigningKey.fromSeed(ByteString.fromHex("5d".repeat(32))),
                DemoOperator.trusted(), clock, staleAndUnread(MeterRegisters.of(old.site().gateway()), pulledAt));
        replacement = ReplacementSite.listen(gateway);
        tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
    }

    /**
     * The meter, other than the unread one, that used the most in the replica's last half hour before {@code
     * pulledAt}: the quarter hours its stale register would bill twice cost money.
     */
    private String usingMostInTheHalfHourBefore(SiteStore store, Instant pulledAt) {
        Map<String, Long> used = new TreeMap<>();
        store.readings(pulledAt.minus(Duration.ofMinutes(45)), pulledAt).stream()
                .filter(r -> !r.meterId().equals(unreadMeter))
                .forEach(r -> used.merge(r.meterId(), r.energyWh(), Long::sum));
        String most = used.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(used.get(most)).as("energy in the quarter hours a stale register would bill twice").isPositive();
        return most;
    }

    /**
     * The meters, but the stale meter answers the register it showed half an hour before the pull, typed lower still,
     * and the unread meter does not answer; their readings come in as the others' do.
     */
    private MeterRegisters staleAndUnread(MeterRegisters meters, Instant pulledAt) {
        return new MeterRegisters() {
            @Override
            public Optional<RegistersRead.Register> read(String meterId, Instant at) {
                if (meterId.equals(unreadMeter)) {
                    return Optional.empty();
                }
                if (meterId.equals(staleMeter)) {
                    return meters.read(meterId, pulledAt.minus(Duration.ofMinutes(30))).map(r ->
                            new RegistersRead.Register(meterId, Math.max(0, r.registerWh() - TYPED_LOWER_WH), r.at()));
                }
                return meters.read(meterId, at);
            }

            @Override
            public List<Reading> readings(Instant from, Instant to) {
                return meters.readings(from, to);
            }

            @Override
            public Optional<RelayState> relay(String meterId) {
                return meters.relay(meterId);
            }
        };
    }

    /** Runs the site to 20 minutes past the end of the site day. */
    private void runToTheEndOfTheSiteDay() {
        ZoneId zone = ZoneId.of(old.site().gateway().profile().timeZone());
        Instant dayEnd = LocalDate.ofInstant(clock.now(), zone).plusDays(1).atStartOfDay(zone).toInstant();
        clock.advance(Duration.between(clock.now(), dayEnd).plus(Duration.ofMinutes(20)));
    }

    private ReplacementRecords.Replacement record() {
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            List<ReplacementRecords.Replacement> all = store.replacements().all();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private CommandRun replaceGateway(String... options) {
        return run(new String[] {"connect", "--tcp", tcp, "--credential", old.supervisor(), "replace-gateway",
            "--site", database, "--payments-complete"}, options);
    }

    private CommandRun audit(String... options) {
        return run(new String[] {"connect", "--tcp", tcp, "--credential", old.supervisor(), "audit", "--site",
            database}, options);
    }

    private static CommandRun run(String[] command, String... options) {
        String[] all = new String[command.length + options.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(options, 0, all, command.length, options.length);
        return CommandRun.of(all);
    }

    private static JsonNode rowOf(JsonNode rows, String meterId) {
        for (JsonNode row : rows) {
            if (row.get("meterId").asText().equals(meterId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + meterId);
    }
}
