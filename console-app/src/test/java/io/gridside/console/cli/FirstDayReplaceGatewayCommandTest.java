package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.SigningKey;
import io.gridside.link.server.CashAllowance;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.replace.MeterRegisters;
import io.gridside.sim.replace.ReplacementGateway;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.cbor.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gridside connect ... replace-gateway} on a site commissioned and taken live with {@code commission run}
 * shortly before its gateway died: the console's re-run of its first hours agrees with the dead gateway's ledger,
 * and the audit of the replaced site passes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirstDayReplaceGatewayCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private FreshGatewayCli fresh;
    private Path database;

    @BeforeEach
    void goLive() throws IOException {
        fresh = new FreshGatewayCli(home);
        Path pack = fresh.pack();
        database = home.resolve("kisima-7.db");
        FreshGatewayCli.createSite(database, FreshGatewayCli.SITE);
        CommandRun first = commission("--gateway", "tcp=" + fresh.tcp, "--pack", pack.toString());
        assertThat(first.out()).contains("done: PACK");
        fresh.clock.advance(Duration.ofMinutes(30));
        CommandRun live = commission("--customers", customers().toString(), "--go-live");
        assertThat(live.exitCode()).as(live.out() + live.err()).isZero();
    }

    @AfterEach
    void stop() {
        fresh.close();
    }

    @Test
    void replacesAGatewayThatDiedInTheSitesFirstHours() throws IOException {
        fresh.advance(Duration.ofHours(1));

        CommandRun replaced = pullThenReplace(Duration.ofHours(1));

        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        assertThat(replaced.out()).contains("Gateway GW-NEW001 replaces");
    }

    /** Its first tick posted the day's standing charges; the first reading it bills had not come in yet. */
    @Test
    void replacesAGatewayPulledAfterItsFirstTickBeforeItsFirstReading() throws IOException {
        fresh.advance(Duration.ofMinutes(15));

        CommandRun replaced = pullThenReplace(Duration.ofHours(1));

        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        assertThat(replaced.err()).doesNotContain("REPLACE_REPLICA_DISAGREES").doesNotContain("GAP_NOT_BILLED");
    }

    @Test
    void replacesAGatewayThatDiedWithinTheFirstQuarterHourAfterGoLive() throws IOException {
        CommandRun replaced = pullThenReplace(Duration.ofMinutes(10));

        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
    }

    /**
     * Pulled at once after go-live, the replica holds no reading of the dead gateway, which billed an hour more: the
     * audit after the new gateway billed on re-runs what the laptop holds and passes, and a run of the replacement
     * again is told the gateway was restored already.
     */
    @Test
    void auditsAReplacementWhoseReplicaHeldNoReadingAfterTheNewGatewayBilledOn() throws IOException {
        CommandRun pulled = audit(fresh.tcp, fresh.credential);
        assertThat(pulled.exitCode()).as(pulled.out() + pulled.err()).isZero();
        fresh.site.dropTcpSessions();
        fresh.advance(Duration.ofHours(1));
        String supervisor = Credentials.write(home, "supervisor.json",
                DemoOperator.supervisorFor(FreshGatewayCli.SITE, fresh.site.gateway().clock()));
        try (ReplacementSite replacement = replacementSite()) {
            String tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
            CommandRun replaced = replace(tcp, supervisor);
            assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
            assertThat(replaced.err().lines().filter(line -> line.contains("[GAP_NOT_BILLED]"))).hasSize(8);
            assertThat(replaced.err()).contains("gridside: warning: meter M00001 (customer ", "its gap is not billed");
            fresh.advance(Duration.ofHours(1));

            CommandRun later = audit(tcp, supervisor);
            CommandRun again = replace(tcp, supervisor);

            assertThat(later.exitCode()).as(later.out() + later.err()).isZero();
            assertThat(later.err()).doesNotContain("whole history");
            assertThat(later.out()).contains("not re-run")
                    .contains("Not re-run: the reconciliation billed no gap for 8 meters (M00001, ");
            assertThat(again.err()).contains("REPLACE_ALREADY_RESTORED").doesNotContain("REPLACE_REPLICA");
        }
    }

    /**
     * A laptop that never pulled the site pulls it from the new gateway into a fresh database: it holds neither the
     * dead gateway's command log nor the record of the replacement, so it says it could not check the dead gateway's
     * cash instead of saying every cash entry traces to a signed command.
     */
    @Test
    void aFreshLaptopSaysItCouldNotCheckTheDeadGatewaysCash() throws IOException {
        CommandRun topUp = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "topup",
                "--customer", "KS-1", "--amount", "20", "--reference", "CASH-1");
        assertThat(topUp.exitCode()).as(topUp.out() + topUp.err()).isZero();
        fresh.advance(Duration.ofMinutes(20));

        try (ReplacementSite replacement = pullDieAndReplace()) {
            String tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
            fresh.advance(Duration.ofHours(1));

            CommandRun audit = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor(), "audit",
                    "--site", home.resolve("fresh.db").toString());

            assertThat(audit.out() + audit.err()).containsPattern("NOT CHECKED: \\d+ ledger entr")
                    .contains("payment:CASH-1").doesNotContain("Every cash");
        }
    }

    /** Pulls the live site at once, lets its gateway die for an hour, and replaces it; the new gateway listens. */
    private ReplacementSite pullDieAndReplace() throws IOException {
        CommandRun pulled = audit(fresh.tcp, fresh.credential);
        assertThat(pulled.exitCode()).as(pulled.out() + pulled.err()).isZero();
        fresh.site.dropTcpSessions();
        fresh.advance(Duration.ofHours(1));
        ReplacementSite replacement = replacementSite();
        String tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
        CommandRun replaced = replace(tcp, supervisor());
        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        return replacement;
    }

    /** A supervisor's credential valid at the gateway's clock, written once into {@code home}. */
    private String supervisor() throws IOException {
        Path written = home.resolve("supervisor.json");
        return Files.exists(written) ? written.toString() : Credentials.write(home, "supervisor.json",
                DemoOperator.supervisorFor(FreshGatewayCli.SITE, fresh.site.gateway().clock()));
    }

    /**
     * Pulled after its first tick and before its first reading, the replica holds no reading: the reconciliation
     * bills each meter's gap from the register its billing began from (decision 0103), and credits the payments. A
     * slip entered then is audited as on any replacement, as the technician's typed record of a paper receipt, neither
     * traced to a signed command nor listed as cash without one.
     */
    @Test
    void auditsASlipEnteredAtAReplacementThatChargedNoGapAsASlip() throws Exception {
        fresh.advance(Duration.ofMinutes(15));
        CommandRun pulled = audit(fresh.tcp, fresh.credential);
        assertThat(pulled.exitCode()).as(pulled.out() + pulled.err()).isZero();
        fresh.site.dropTcpSessions();
        fresh.advance(Duration.ofHours(1));
        String supervisor = Credentials.write(home, "supervisor.json",
                DemoOperator.supervisorFor(FreshGatewayCli.SITE, fresh.site.gateway().clock()));
        String book = CashAllowance.of(CredentialFile.read(Path.of(fresh.credential))).credentialId().substring(0, 6)
                .toUpperCase(Locale.ROOT);
        String paidAt = LocalDateTime.ofInstant(fresh.site.gateway().clock().minus(Duration.ofMinutes(20)),
                ZoneId.of("Africa/Nairobi")).truncatedTo(ChronoUnit.MINUTES).toString();
        try (ReplacementSite replacement = replacementSite()) {
            String tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
            CommandRun replaced = replace(tcp, supervisor, "--receipt", book + "-0001,T-5,CASH-2,KS-1,20.00," + paidAt);
            assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
            fresh.advance(Duration.ofHours(1));

            CommandRun later = audit(tcp, supervisor);

            assertThat(later.exitCode()).as(later.out() + later.err()).isZero();
            assertThat(later.out()).doesNotContain("no valid signed command")
                    .containsPattern("1 ledger entry is cash .* entered from its slip .*typed record of a paper "
                            + "receipt.*\\n  entry \\d+ .* payment:CASH-2\\n");
        }
    }

    private ReplacementSite replacementSite() throws IOException {
        return ReplacementSite.listen(new ReplacementGateway(FreshGatewayCli.SITE, "GW-NEW001",
                SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32))), DemoOperator.trusted(),
                fresh.site.gateway()::clock, MeterRegisters.of(fresh.site.gateway())));
    }

    private CommandRun replace(String tcp, String supervisor, String... more) {
        List<String> args = new ArrayList<>(List.of("connect", "--tcp", tcp, "replace-gateway", "--site",
                database.toString(), "--payments-complete", "--credential", supervisor));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private CommandRun audit(String tcp, String credential) {
        return CommandRun.of("connect", "--tcp", tcp, "--credential", credential, "audit", "--site",
                database.toString());
    }

    /** Pulls the live site, lets its gateway die and stay dead for {@code deadFor}, and replaces it. */
    private CommandRun pullThenReplace(Duration deadFor) throws IOException {
        CommandRun pulled = CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential, "audit",
                "--site", database.toString());
        assertThat(pulled.exitCode()).as(pulled.out() + pulled.err()).isZero();
        fresh.site.dropTcpSessions();
        fresh.advance(deadFor);
        String supervisor = Credentials.write(home, "supervisor.json",
                DemoOperator.supervisorFor(FreshGatewayCli.SITE, fresh.site.gateway().clock()));
        try (ReplacementSite replacement = ReplacementSite.listen(new ReplacementGateway(FreshGatewayCli.SITE,
                "GW-NEW001", SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32))), DemoOperator.trusted(),
                fresh.site.gateway()::clock, MeterRegisters.of(fresh.site.gateway())))) {
            String tcp = replacement.address().getHostString() + ":" + replacement.address().getPort();
            CommandRun replaced = CommandRun.of("connect", "--tcp", tcp, "replace-gateway", "--site",
                    database.toString(), "--payments-complete", "--credential", supervisor);
            if (replaced.exitCode() == 0) {
                CommandRun audit = CommandRun.of("connect", "--tcp", tcp, "--credential", supervisor, "audit",
                        "--site", database.toString());
                assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
            }
            return replaced;
        }
    }

    private CommandRun commission(String... args) {
        String[] command = {"commission", "run", "--site", database.toString(), "--credential", fresh.credential};
        String[] all = new String[command.length + args.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        return CommandRun.of(all);
    }

    /** One customer for each meter that joined, a mill on a three-phase one, each opening at KES 100.00 but one. */
    private Path customers() throws IOException {
        JsonNode joined = JSON.readTree(CommandRun.of("connect", "--tcp", fresh.tcp, "--credential", fresh.credential,
                "commission", "joined", "--site", database.toString(), "--json").out());
        StringBuilder csv = new StringBuilder(
                "customer_id,name,phone,address,category,tariff_id,opening_balance,meter_serial\n");
        for (int i = 0; i < joined.size(); i++) {
            String category = joined.get(i).get("phases").asInt() == 3 ? "MILL" : "HOUSEHOLD";
            csv.append("KS-").append(i).append(",Customer ").append(i).append(",,Plot ").append(i).append(',')
                    .append(category).append(",flat-kisima,").append(i == 2 ? "0.00," : "100.00,")
                    .append(joined.get(i).get("meterId").asText()).append('\n');
        }
        return Files.writeString(home.resolve("customers.csv"), csv);
    }
}
