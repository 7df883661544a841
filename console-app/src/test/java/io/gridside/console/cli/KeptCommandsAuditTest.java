package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.SigningKey;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit of a replaced site checks the dead gateway's cash against the commands the site database kept when the
 * console last read its log (decision 0090), checking each kept command's signatures again.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KeptCommandsAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private FreshGatewayCli fresh;
    private Path database;

    @BeforeEach
    void goLiveAndTakeCash() throws IOException {
        fresh = new FreshGatewayCli(home);
        Path pack = fresh.pack();
        database = home.resolve("kisima-7.db");
        FreshGatewayCli.createSite(database, FreshGatewayCli.SITE);
        CommandRun first = commission("--gateway", "tcp=" + fresh.tcp, "--pack", pack.toString());
        assertThat(first.out()).contains("done: PACK");
        fresh.clock.advance(Duration.ofMinutes(30));
        CommandRun live = commission("--customers", customers().toString(), "--go-live");
        assertThat(live.exitCode()).as(live.out() + live.err()).isZero();
        fresh.advance(Duration.ofMinutes(5));
        CommandRun topUp = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "topup",
                "--customer", "KS-1", "--amount", "50", "--reference", "R-FIRST-1");
        assertThat(topUp.exitCode()).as(topUp.out() + topUp.err()).isZero();
    }

    @AfterEach
    void stop() {
        fresh.close();
    }

    @Test
    void cashTakenBeforeTheLastPullTracesToTheKeptCommandOnTheNewGateway() throws Exception {
        pull();
        long kept = keptRows();
        pull();

        CommandRun audit = replaceThenAudit();

        assertThat(kept).isPositive();
        assertThat(keptRows()).as("a second read keeps no second row").isEqualTo(kept);
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).doesNotContain("R-FIRST-1");
    }

    @Test
    void aKeptCommandWhoseBytesWereAlteredVouchesForNothing() throws Exception {
        pull();
        alterKeptSignatures();

        CommandRun audit = replaceThenAudit();

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isEqualTo(ExitCode.FAILED);
        assertThat(audit.out()).contains("does not check out").contains("TOP_UP").contains("R-FIRST-1");
    }

    /** Audits the live site, which pulls it and reads its command log into the site database. */
    private void pull() {
        CommandRun pulled = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "audit",
                "--site", database.toString());
        assertThat(pulled.exitCode()).as(pulled.out() + pulled.err()).isZero();
    }

    /** Lets the gateway die, replaces it and audits the site on the new gateway. */
    private CommandRun replaceThenAudit() throws IOException {
        fresh.site.dropTcpSessions();
        fresh.advance(Duration.ofHours(1));
        String supervisor = Credentials.write(home, "supervisor.json",
                DemoOperator.supervisorFor(FreshGatewayCli.SITE, fresh.site.gateway().clock()));
        try (ReplacementSite replacement = ReplacementSite.listen(new ReplacementGateway(FreshGatewayCli.SITE,
                "GW-NEW001", SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32))), DemoOperator.trusted(),
                fresh.site.gateway()::clock, MeterRegisters.of(fresh.site.gateway())))) {
            String tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
            CommandRun replaced = CommandRun.of("connect", "--tcp", tcp, "replace-gateway", "--site",
                    database.toString(), "--payments-complete", "--credential", supervisor);
            assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
            return CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "audit", "--site",
                    database.toString());
        }
    }

    private long keptRows() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT COUNT(*) FROM kept_command")) {
            return rows.getLong(1);
        }
    }

    /** Flips one bit of every kept command's signature, as a database edited by hand would hold it. */
    private void alterKeptSignatures() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT gateway_id, seq, signature FROM kept_command");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE kept_command SET signature = ? WHERE gateway_id = ? AND seq = ?")) {
            while (rows.next()) {
                byte[] signature = rows.getBytes(3);
                signature[0] ^= 1;
                update.setBytes(1, signature);
                update.setString(2, rows.getString(1));
                update.setLong(3, rows.getLong(2));
                update.executeUpdate();
            }
        }
    }

    private CommandRun commission(String... args) {
        String[] command = {"commission", "run", "--site", database.toString(), "--credential", fresh.credential};
        String[] all = new String[command.length + args.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        return CommandRun.of(all);
    }

    /** One customer for each meter that joined, each opening at KES 100.00. */
    private Path customers() throws IOException {
        JsonNode joined = JSON.readTree(CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential,
                "commission", "joined", "--site", database.toString(), "--json").out());
        StringBuilder csv = new StringBuilder(
                "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial\n");
        for (int i = 0; i < joined.size(); i++) {
            String category = joined.get(i).get("phases").asInt() == 3 ? "MILL" : "HOUSEHOLD";
            csv.append("KS-").append(i).append(",Customer ").append(i).append(",,Plot ").append(i).append(',')
                    .append(category).append(",flat-kisima,100.00,")
                    .append(joined.get(i).get("meterId").asText()).append('\n');
        }
        return Files.writeString(home.resolve("customers.csv"), csv);
    }
}
