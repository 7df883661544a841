package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.service.AppDirs;
import io.gridside.console.service.PublishedPorts;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payments imported from a CSV file travel through the site database's outbox to a simulated site over loopback
 * TCP, whose clock the test moves: credited once per reference however often they are imported and pushed, and
 * only by a supervisor.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ImportPaymentsPushTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    @TempDir
    static Path home;

    private static SimClock.Manual clock;
    private static CommandSite fixture;
    private static SimulatedSite site;
    private static String technician;
    private static String supervisor;
    private static String serial;

    @BeforeAll
    static void startSite() throws IOException {
        clock = SimClock.manual(NOW);
        fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(15, 6, 1, NOW), clock));
        site = fixture.site();
        supervisor = fixture.supervisor();
        serial = site.listenSerial();
        PublishedPorts.in(AppDirs.forCurrentUser()).publish(serial, site.gateway().layout().gatewayId());
        fixture.pinned();
        technician = fixture.technician(home, NOW, Duration.ofDays(2),
                Map.of(TechnicianCredential.CASH_LIMIT, 500_000L));
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    private static String customer(int index) {
        return fixture.customer(index);
    }

    private static CommandRun connect(String credential, String... args) {
        return fixture.connect(credential, args);
    }

    private static Path pulled(Path database) {
        CommandRun audit = connect(technician, "audit", "--site", database.toString(), "--json");
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        return database;
    }

    private static JsonNode json(CommandRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static String digest(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<LedgerEntry> gatewayPayments(String reference) {
        return site.gateway().ledgerAfter(0).stream().filter(e -> e.reference().equals("payment:" + reference))
                .toList();
    }

    @Test
    void importedTwicePushedFromTwoLaptopsAndCreditedOnceEach(@TempDir Path dir) throws Exception {
        Path laptop = pulled(dir.resolve("laptop.db"));
        Path book = dir.resolve("agent-book.csv");
        // KES 250.00 is 25,000 minor units, 1,000.50 is 100,050 and 20 is 2,000: 127,050 in all.
        Files.writeString(book, "reference,customer,amount,time\n"
                + "AG-1," + customer(1) + ",250.00,2026-06-02 10:00\n"
                + "AG-2," + customer(2) + ",1000.5,2026-06-02T08:30:00Z\n"
                + "AG-3," + customer(3) + ",20,2026-06-02 17:45:00\n", StandardCharsets.UTF_8);
        String before = digest(laptop);

        JsonNode dryRun = json(CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString(),
                "--dry-run", "--json"));

        assertThat(dryRun.get("queued").asLong()).isEqualTo(3);
        assertThat(dryRun.get("queuedMinor").asLong()).isEqualTo(127_050);
        assertThat(digest(laptop)).as("a dry run writes nothing").isEqualTo(before);

        JsonNode first = json(CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString(),
                "--json"));
        JsonNode second = json(CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString(),
                "--json"));

        assertThat(first.get("queued").asLong()).isEqualTo(3);
        assertThat(second.get("queued").asLong()).isZero();
        assertThat(second.get("queuedAlready").asLong()).isEqualTo(3);

        CommandRun byTechnician = connect(technician, "push", "--site", laptop.toString());

        assertThat(byTechnician.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(byTechnician.err()).contains("[ROLE_FORBIDDEN]");
        assertThat(gatewayPayments("AG-1")).isEmpty();

        JsonNode pushed = json(connect(supervisor, "push", "--site", laptop.toString(), "--json"));
        JsonNode pushedAgain = json(connect(supervisor, "push", "--site", laptop.toString(), "--json"));

        assertThat(pushed.get("credited").asLong()).isEqualTo(3);
        assertThat(pushedAgain.get("sent").asLong()).as("nothing is pending any more").isZero();

        Path otherLaptop = pulled(dir.resolve("other-laptop.db"));
        json(CommandRun.of("import", "payments", book.toString(), "--site", otherLaptop.toString(), "--json"));
        JsonNode fromOther = json(connect(supervisor, "push", "--site", otherLaptop.toString(), "--json"));

        assertThat(fromOther.get("alreadyCredited").asLong()).isEqualTo(3);
        assertThat(fromOther.get("credited").asLong()).isZero();

        clock.advance(Reading.INTERVAL);
        JsonNode audit = json(connect(technician, "audit", "--site", laptop.toString(), "--json"));
        JsonNode afterPosting = json(CommandRun.of("import", "payments", book.toString(), "--site",
                laptop.toString(), "--json"));

        assertThat(audit.get("audit").get("agrees").asBoolean()).isTrue();
        try (SiteStore store = SiteStore.openExisting(laptop)) {
            assertThat(store.ledgerPayments()).containsKeys("AG-1", "AG-2", "AG-3");
            assertThat(store.ledgerPayments().get("AG-2").amountMinor()).isEqualTo(100_050);
            assertThat(store.ledger()).filteredOn(e -> e.reference().startsWith("payment:AG-")).hasSize(3);
        }
        assertThat(gatewayPayments("AG-1")).singleElement()
                .extracting(LedgerEntry::customerId, LedgerEntry::amountMinor).containsExactly(customer(1), 25_000L);
        assertThat(afterPosting.get("inLedger").asLong()).isEqualTo(3);
        assertThat(afterPosting.get("queued").asLong()).isZero();

        CommandRun outbox = CommandRun.of("import", "outbox", "--site", laptop.toString());
        JsonNode outboxJson = json(CommandRun.of("import", "outbox", "--site", laptop.toString(), "--json"));

        assertThat(outbox.out()).contains("holds 3 payments, 0 of them waiting", "agent-book.csv:2",
                "credited, in the ledger (entry");
        assertThat(outboxJson).extracting(p -> p.get("reference").asText(), p -> p.get("state").asText())
                .containsExactly(tuple("AG-1", "credited"), tuple("AG-2", "credited"), tuple("AG-3", "credited"));
        assertThat(outboxJson.get(1).get("ledgerSeq").asLong())
                .isEqualTo(gatewayPayments("AG-2").get(0).seq());
    }

    @Test
    void keepsARefusalAndQueuesTheCorrectedPaymentAgain(@TempDir Path dir) throws Exception {
        CommandRun cash = connect(technician, "topup", "--customer", customer(4), "--amount", "50",
                "--reference", "RCPT-77");
        assertThat(cash.exitCode()).as(cash.err()).isZero();
        Path laptop = pulled(dir.resolve("laptop.db"));
        Path book = dir.resolve("bank.csv");
        Files.writeString(book, "reference,customer,amount,time\nRCPT-77," + customer(5) + ",50,2026-06-02 10:00\n",
                StandardCharsets.UTF_8);
        json(CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString(), "--json"));

        CommandRun push = connect(supervisor, "push", "--site", laptop.toString());

        assertThat(push.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(push.out()).contains("0 credited", "1 refused", "[PAYMENT_REFERENCE_CONFLICT]");
        try (SiteStore store = SiteStore.openExisting(laptop)) {
            assertThat(store.queuedPayments()).singleElement().extracting(QueuedPayment::state)
                    .isEqualTo(QueuedPayment.State.REFUSED);
        }

        Files.writeString(book, "reference,customer,amount,time\nRCPT-77," + customer(4) + ",50,2026-06-02 10:00\n",
                StandardCharsets.UTF_8);
        JsonNode corrected = json(CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString(),
                "--json"));
        JsonNode pushedAgain = json(connect(supervisor, "push", "--site", laptop.toString(), "--json"));

        assertThat(corrected.get("requeued").asLong()).isEqualTo(1);
        assertThat(pushedAgain.get("alreadyCredited").asLong()).as("the cash took the reference").isEqualTo(1);
    }

    @Test
    void namesAReferenceWhoseCashWasVoidedInsteadOfCallingItCreditedAlready(@TempDir Path dir) throws Exception {
        JsonNode receipt = json(connect(technician, "topup", "--customer", customer(7), "--amount", "40",
                "--reference", "RCPT-88", "--json"));
        clock.advance(Duration.ofMinutes(5));
        json(connect(supervisor, "void", "--receipt", receipt.get("receipt").asText(), "--reason", "wrong customer",
                "--json"));
        Path laptop = pulled(dir.resolve("laptop.db"));
        Path book = dir.resolve("bank.csv");
        Files.writeString(book, "reference,customer,amount,time\nRCPT-88," + customer(7) + ",40,2026-06-03 10:00\n",
                StandardCharsets.UTF_8);

        CommandRun imported = CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString());

        assertThat(imported.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(imported.err()).contains("line 2", "RCPT-88", "voided by demo-supervisor (wrong customer)",
                "[IMPORT_INVALID]");
    }

    @Test
    void pushesOverASerialLineAsOverTcp(@TempDir Path dir) throws Exception {
        Path laptop = pulled(dir.resolve("laptop.db"));
        Path book = dir.resolve("book.csv");
        Files.writeString(book, "reference,customer,amount,time\nSER-1," + customer(6) + ",75.25,2026-06-02 10:00\n",
                StandardCharsets.UTF_8);
        json(CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString(), "--json"));

        JsonNode pushed = json(CommandRun.of("connect", "--serial", serial, "--credential", supervisor, "push",
                "--site", laptop.toString(), "--json"));

        assertThat(pushed.get("credited").asLong()).isEqualTo(1);
        assertThat(pushed.get("payments").get(0).get("outcome").asText()).isEqualTo("CREDITED");
        assertThat(pushed.get("payments").get(0).get("amountMinor").asLong()).isEqualTo(7_525);
    }

    @Test
    void namesBadPaymentRowsByLineAndQueuesNothing(@TempDir Path dir) throws Exception {
        Path laptop = pulled(dir.resolve("laptop.db"));
        Path book = dir.resolve("book.csv");
        Files.writeString(book, "reference,customer,amount,time\n"
                + "AG-10," + customer(1) + ",10.005,2026-06-02 10:00\n"
                + "AG-11,C99999,10,2026-06-02 10:00\n"
                + "AG-12," + customer(2) + ",10,2126-06-02 10:00\n"
                + "AG-13," + customer(2) + ",10,2026-06-02 10:00\n"
                + "AG-13," + customer(3) + ",10,2026-06-02 10:00\n", StandardCharsets.UTF_8);

        CommandRun run = CommandRun.of("import", "payments", book.toString(), "--site", laptop.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).hasSize(5);
        assertThat(run.errLines()[0]).contains("line 2, amount: '10.005' has 3 decimals; an amount in KES has at "
                + "most 2");
        assertThat(run.errLines()[1]).contains("line 3, customer: the site has no customer 'C99999'");
        assertThat(run.errLines()[2]).contains("line 4, time:", "is later than now");
        assertThat(run.errLines()[3]).contains("line 6, reference: reference AG-13 is on line 5 for another payment");
        assertThat(run.errLines()[4]).endsWith("nothing was imported. Fix the file and import it again. "
                + "[IMPORT_INVALID]");
        try (SiteStore store = SiteStore.openExisting(laptop)) {
            assertThat(store.queuedPayments()).isEmpty();
        }
    }
}
