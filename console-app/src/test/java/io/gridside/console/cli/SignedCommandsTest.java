package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.auth.TechnicianKeyFile;
import io.gridside.link.message.CashTopUp;
import io.gridside.site.MeterStatus;
import io.gridside.link.server.CashAllowance;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.Reading;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that moves money, signed by the technician's own key, over loopback TCP against a simulated site:
 * the gateway's command log lists each with a valid signature, and the audit traces every cash, void and opening
 * entry to one, and finds an entry the gateway posted without one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignedCommandsTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final String SITE = "site-31";

    @TempDir
    static Path home;

    private static SimClock.Manual clock;
    private static CommandSite fixture;
    private static SimulatedSite site;
    private static String technician;
    private static String supervisor;

    @BeforeAll
    static void startSite() throws Exception {
        clock = SimClock.manual(NOW);
        fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(12, 31, 1, NOW), clock));
        site = fixture.site();
        supervisor = fixture.supervisor();
        fixture.pinned();
        technician = Credentials.write(home, "technician.json", technicianCredential());
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    private static SignedCredential technicianCredential() {
        return DemoOperator.issue("T-0042", "Amina Wanjiru", Role.TECHNICIAN, List.of(SITE),
                NOW.minus(Duration.ofDays(1)), Duration.ofDays(2), Map.of(TechnicianCredential.CASH_LIMIT, 500_000L));
    }

    private static CommandRun connect(String credential, String... args) {
        return fixture.connect(credential, args);
    }

    private static String customer(int index) {
        return fixture.customer(index);
    }

    private static CommandRun ok(CommandRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void signsEveryMoneyMoveAndTheAuditTracesEachEntryToItsCommandButNotAPlantedOne(@TempDir Path dir)
            throws Exception {
        Path laptop = dir.resolve("laptop.db");
        ok(connect(supervisor, "audit", "--site", laptop.toString()));
        String receipt = new ObjectMapper().readTree(ok(connect(technician, "topup", "--customer", customer(1),
                "--amount", "50", "--reference", "SIG-A", "--json")).out()).get("receipt").asText();
        ok(connect(supervisor, "void", "--receipt", receipt, "--reason", "paid twice"));
        Path book = dir.resolve("agent-book.csv");
        Files.writeString(book, "reference,customer,amount,time\nAG-31," + customer(2) + ",20,2026-06-02 10:00\n",
                StandardCharsets.UTF_8);
        ok(CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString()));
        ok(connect(supervisor, "push", "--site", laptop.toString()));
        MeterStatus leaving = site.gateway().meterStatus().stream()
                .filter(s -> s.customerId().equals(customer(5))).findFirst().orElseThrow();
        ok(connect(supervisor, "move-out", "--customer", leaving.customerId(), "--reason", "moved to town"));
        ok(connect(supervisor, "move-in", "--meter", leaving.meterId(), "--customer", "C-NEW-31", "--name",
                "Neema Mwangi", "--opening-balance", "250.00"));
        clock.advance(Reading.INTERVAL);

        CommandRun commands = ok(connect(technician, "commands"));
        CommandRun audit = ok(connect(technician, "audit", "--site", laptop.toString()));

        assertThat(commands.out()).contains("T-0042  CashTopUp -> CashReceipt  signature valid",
                "demo-supervisor  CashVoid -> CashVoided  signature valid",
                "demo-supervisor  PostPayments -> PaymentsPosted  signature valid",
                "demo-supervisor  MoveOut -> FinalStatement  signature valid",
                "demo-supervisor  MoveIn -> MovedIn  signature valid",
                "5 signed commands, 5 valid, 0 that do not check out.");
        assertThat(audit.out()).contains("Signed commands: 5 checked, 0 that do not check out.",
                "Every cash, void and correction entry, and every opening balance after the site's own at "
                + "go-live, traces to a signed command.");

        site.gateway().creditCash(new CashTopUp(customer(3), null, 7_000, "KES", "SIG-PLANTED", "no command"),
                CashAllowance.of(technicianCredential()));
        clock.advance(Reading.INTERVAL);
        CommandRun caught = connect(technician, "audit", "--site", laptop.toString());

        assertThat(caught.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(caught.out()).contains("1 ledger entries have no valid signed command:", customer(3),
                "TOP_UP  7000  payment:SIG-PLANTED");
    }

    @Test
    void aCredentialWithoutAKeyReadsTheSiteButMovesNoMoney() throws Exception {
        String old = Credentials.write(home, "old.json", DemoOperator.signingKey().issue("T-0007", "Baraka",
                Role.TECHNICIAN, List.of(SITE), NOW.minus(Duration.ofDays(1)), Duration.ofDays(2),
                Map.of(TechnicianCredential.CASH_LIMIT, 500_000L)));

        CommandRun status = connect(old, "status");
        CommandRun topUp = connect(old, "topup", "--customer", customer(4), "--amount", "10", "--reference", "OLD-1");

        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(topUp.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(topUp.err()).contains("COMMAND_KEYLESS_CREDENTIAL");
        assertThat(site.gateway().cashBook(null, null)).noneMatch(line -> line.reference().equals("OLD-1"));
    }

    @Test
    void issuesACredentialWithItsHoldersKeyInAnOwnerOnlyFileNextToIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("amina.json");

        CommandRun issued = ok(CommandRun.of("credential", "issue", "--technician", "T-0042", "--role", "technician",
                "--site", SITE, "--demo", "--out", out.toString()));

        Path keyFile = dir.resolve("amina.key.json");
        SignedCredential credential = CredentialFile.read(out);
        assertThat(issued.out()).contains(keyFile.toString());
        assertThat(credential.credential().hasTechnicianKey()).isTrue();
        assertThat(TechnicianKeyFile.readFor(out, credential)).isPresent();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(ok(CommandRun.of("credential", "show", out.toString())).out()).contains("Technician key: SHA256:");
    }
}
