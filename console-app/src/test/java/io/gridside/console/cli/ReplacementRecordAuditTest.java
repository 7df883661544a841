package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.message.RegistersRead;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.store.ReplacementRecords;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record the console keeps when it replaces a gateway (decision 0094), as the audit of the replaced site uses it:
 * a meter the new gateway could not read for the reconciliation, and a site replaced minutes after its pull whose
 * registers were read in the quarter hour before the reconciliation's, audit clean with it; without it (a database
 * from before the record) the audit goes on as it did and still finds the replacement.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReplacementRecordAuditTest {

    /** 06:07 in Nairobi, early in the site day, so the gap and the takeover fall within one day's lifeline block. */
    private static final Instant MORNING = Instant.parse("2026-06-03T03:07:00Z");
    /** 12:07 in Nairobi. */
    private static final Instant NOON = Instant.parse("2026-06-03T09:07:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private SimClock.Manual clock;
    private CommandSite old;
    private ReplacementSite replacement;
    private String database;
    private String tcp;

    @AfterEach
    void close() {
        if (replacement != null) {
            replacement.close();
        }
        old.close();
    }

    @Test
    void aMeterTheNewGatewayCouldNotReadForTheReconciliationAuditsClean() throws IOException {
        String unread = replaceWithAMeterUnread();
        runToTheEndOfTheSiteDay();

        CommandRun text = audit();
        JsonNode audit = JSON.readTree(audit("--json").out()).get("audit");

        assertThat(record().registers()).filteredOn(r -> r.meterId().equals(unread))
                .extracting(ReplacementRecords.MeterRegister::read).containsExactly(false);
        assertThat(audit.get("firstDifference").isNull()).as(audit.toString()).isTrue();
        assertThat(audit.get("agrees").asBoolean()).isTrue();
        assertThat(text.exitCode()).as(text.out()).isZero();
    }

    @Test
    void withoutTheRecordTheUnreadMeterIsBilledAGapTheConsoleDidNotBill() throws IOException, SQLException {
        replaceWithAMeterUnread();
        String customer = old.customer(21);
        forgetTheRecord();
        runToTheEndOfTheSiteDay();

        JsonNode audit = JSON.readTree(audit("--json").out()).get("audit");

        // What the record fixes: the test above runs the same site at the same times with the record kept.
        assertThat(audit.get("agrees").asBoolean()).as(audit.toString()).isFalse();
        assertThat(audit.get("firstDifference").asText()).contains("ENERGY", "for " + customer + " at");
    }

    @Test
    void aSiteReplacedMinutesAfterItsPullWithItsRegistersReadBeforeTheQuarterHourAuditsClean() throws IOException {
        replaceWithTheReadBeforeTheQuarterHour();
        ReplacementRecords.Replacement record = record();
        runToTheEndOfTheSiteDay();

        CommandRun text = audit();
        JsonNode audit = JSON.readTree(audit("--json").out()).get("audit");

        assertThat(text.exitCode()).as(text.out()).isZero();
        assertThat(audit.get("agrees").asBoolean()).as(audit.toString()).isTrue();
        assertThat(audit.get("replacedAfterSeq").asLong()).isEqualTo(record.afterSeq());
    }

    @Test
    void aReplacementRunAgainKeepsTheRecordOfTheRunWhoseReconciliationTheGatewayBillsFrom() throws IOException {
        startFlatSite();
        replaceAfter(Duration.ofMinutes(2), Duration.ofMinutes(1), meters -> meters);
        assertThat(replaceGateway().exitCode()).isZero();
        ReplacementRecords.Replacement first = record();
        clock.advance(Duration.ofMinutes(50));

        CommandRun again = replaceGateway();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Nothing new was posted");
        assertThat(record()).isEqualTo(first);
    }

    @Test
    void aDatabaseWithoutTheRecordIsAuditedAsBeforeIt() throws IOException, SQLException {
        startFlatSite();
        replaceAfter(Duration.ofMinutes(2), Duration.ofMinutes(1), meters -> meters);
        assertThat(replaceGateway().exitCode()).isZero();
        long tip = record().afterSeq();
        forgetTheRecord();
        clock.advance(Duration.ofMinutes(20));

        CommandRun text = audit();
        JsonNode audit = JSON.readTree(audit("--json").out()).get("audit");

        assertThat(audit.get("replacedAfterSeq").asLong()).isEqualTo(tip);
        assertThat(audit.get("agrees").asBoolean()).as(text.out()).isTrue();
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.replacements().all()).isEmpty();
        }
    }

    @Test
    void withoutTheRecordTheQuarterHourReadBeforeTheReconciliationsIsTakenForTheDeadGateways()
            throws IOException, SQLException {
        replaceWithTheReadBeforeTheQuarterHour();
        forgetTheRecord();
        runToTheEndOfTheSiteDay();

        JsonNode audit = JSON.readTree(audit("--json").out()).get("audit");

        // What the record fixes: the test above runs the same site at the same times with the record kept.
        assertThat(audit.get("agrees").asBoolean()).as(audit.toString()).isFalse();
        assertThat(audit.get("firstDifference").asText()).contains("ENERGY", "at 2026-06-03T21:00:00Z");
    }

    /**
     * Replaces the gateway of a site on a daily lifeline block, two hours dead, with one household's meter out of
     * the new gateway's reach when it reads the registers; returns that meter.
     */
    private String replaceWithAMeterUnread() throws IOException {
        String unread = startRealisticSite();
        replaceAfter(Duration.ofHours(2), Duration.ofHours(2), meters -> notReading(meters, unread));
        CommandRun replaced = replaceGateway("--json");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(rowOf(JSON.readTree(replaced.out()).get("customers"), unread).get("unread").asBoolean()).isTrue();
        return unread;
    }

    /**
     * Replaces the gateway of a flat-billed site that died two minutes after its pull, its registers read at 12:14:30
     * Nairobi time, those of 12:00, and the reconciliation posted a minute later, in the next quarter hour: the new
     * gateway bills from 12:00, right after the last reading pulled from the dead one.
     */
    private void replaceWithTheReadBeforeTheQuarterHour() throws IOException {
        startFlatSite();
        replaceAfter(Duration.ofMinutes(2), Duration.ofSeconds(330), this::aMinuteLongRead);
        CommandRun replaced = replaceGateway();
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        ReplacementRecords.Replacement record = record();
        Instant quarterBefore = Reading.intervalStartOf(record.reconciledAt()).minus(Reading.INTERVAL);
        assertThat(Reading.intervalStartOf(record.readAt())).as("read in the quarter hour before the reconciliation's")
                .isEqualTo(quarterBefore);
        // Those of the last reading that had ended when they were read, the one ending at 12:00: the last pulled.
        assertThat(record.registers()).allSatisfy(register -> assertThat(register.at()).isEqualTo(quarterBefore));
    }

    /** Starts a small flat-billed site at noon. */
    private void startFlatSite() throws IOException {
        clock = SimClock.manual(NOON);
        old = CommandSite.start(home, NOON, () -> SimulatedSite.start(new SiteSpec(12, 8, 2, NOON), clock)).pinned();
    }

    /**
     * Starts a small site on a daily lifeline block, early in the day; returns the meter to leave unread: the
     * household that uses the most in the morning (about 0.2 kWh in the gap), so that the lifeline block it has
     * left at the takeover shows in the day's energy charge.
     */
    private String startRealisticSite() throws IOException {
        clock = SimClock.manual(MORNING);
        old = CommandSite.start(home, MORNING, () -> SimulatedSite.start(
                new SiteSpec(24, 8, 2, MORNING, SimBilling.REALISTIC_SHOPS_APART), clock)).pinned();
        assertThat(old.site().gateway().layout().customers().get(21).category()).isEqualTo(CustomerCategory.HOUSEHOLD);
        return old.site().gateway().layout().meters().get(21).meterId();
    }

    /**
     * Pulls the site, lets its gateway run on for {@code runsOn}, die, and a new one listen after {@code dead},
     * reaching the meters as {@code reach} makes them reachable.
     */
    private void replaceAfter(Duration runsOn, Duration dead, java.util.function.UnaryOperator<MeterRegisters> reach)
            throws IOException {
        database = home.resolve("site.db").toString();
        ReplacementSteps.pull(old, database, Instant.EPOCH, clock.now());
        ReplacementSteps.die(old, clock, runsOn, dead);
        replacement = ReplacementSite.listen(ReplacementSteps.newGateway(old, clock, "5c",
                reach.apply(MeterRegisters.of(old.site().gateway()))));
        tcp = ReplacementSteps.tcp(replacement);
    }

    /** The meters, but {@code meterId} does not answer a register read; its readings come in as the others' do. */
    private static MeterRegisters notReading(MeterRegisters meters, String meterId) {
        return new Passing(meters) {
            @Override
            public Optional<RegistersRead.Register> read(String meter, Instant at) {
                return meter.equals(meterId) ? Optional.empty() : meters.read(meter, at);
            }
        };
    }

    /**
     * The meters, reading them taking a minute, so the reconciliation is posted a minute after the read. Each register
     * is that of the last reading that had ended by the read, as {@link MeterRegisters#of} reads it: read at 12:14:30,
     * the one ending at 12:00. Read a quarter hour earlier still, it would be that of 11:45, older than the last
     * reading pulled from the dead gateway, which is another case than the one tested here.
     */
    private MeterRegisters aMinuteLongRead(MeterRegisters meters) {
        AtomicBoolean slow = new AtomicBoolean(true);
        return new Passing(meters) {
            @Override
            public Optional<RegistersRead.Register> read(String meter, Instant at) {
                if (slow.getAndSet(false)) {
                    clock.advance(Duration.ofMinutes(1));
                }
                return meters.read(meter, at);
            }
        };
    }

    /** Meters that pass everything on to {@code meters}. */
    private static class Passing implements MeterRegisters {

        private final MeterRegisters meters;

        Passing(MeterRegisters meters) {
            this.meters = meters;
        }

        @Override
        public Optional<RegistersRead.Register> read(String meterId, Instant at) {
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
            assertThat(all.get(0).newGatewayId()).isEqualTo("GW-NEW001");
            return all.get(0);
        }
    }

    /** Leaves the database as a console from before the record would have: replaced, with no record of it. */
    private void forgetTheRecord() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM replacement_register");
            statement.execute("DELETE FROM replacement");
        }
    }

    private CommandRun replaceGateway(String... options) {
        return ReplacementSteps.replaceGateway(tcp, old.supervisor(), database, options);
    }

    private CommandRun audit(String... options) {
        return ReplacementSteps.audit(tcp, old.supervisor(), database, options);
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
