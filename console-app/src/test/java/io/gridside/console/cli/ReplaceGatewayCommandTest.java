package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.link.auth.CredentialFile;
import io.gridside.link.auth.Role;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.link.server.CashAllowance;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.sim.replace.ReplacementSite;
import io.gridside.site.LedgerEntry;
import io.gridside.site.QueuedPayment;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridside connect ... replace-gateway} against a site whose gateway died and its factory-fresh successor. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplaceGatewayCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final Instant FROM = Instant.parse("2026-06-01T09:00:00Z");

    @TempDir
    Path home;

    private SimClock.Manual clock = SimClock.manual(NOW);
    private CommandSite old;
    private ReplacementSite replacement;
    private String database;
    private String tcp;

    @BeforeEach
    void killTheGatewayAfterAPull() throws IOException {
        killTheGatewayAfterAPull(home, Duration.ofHours(6), Duration.ofHours(2), () -> { });
    }

    /** What a test does on the site before its one pull. */
    private interface BeforePull {
        void run() throws IOException;
    }

    /** Pulls a fresh site into a database in {@code folder}, lets its gateway run on, die, and be replaced later. */
    private void killTheGatewayAfterAPull(Path folder, Duration runsOn, Duration deadFor, BeforePull beforePull)
            throws IOException {
        old = CommandSite.start(folder, NOW, () -> SimulatedSite.start(new SiteSpec(12, 8, 2, NOW), clock)).pinned();
        beforePull.run();
        database = folder.resolve("site.db").toString();
        ReplacementSteps.pull(old, database, FROM, NOW);
        ReplacementSteps.die(old, clock, runsOn, deadFor);
        replacement = ReplacementSite.listen(ReplacementSteps.newGateway(old, clock, "5a"));
        tcp = ReplacementSteps.tcp(replacement);
    }

    @AfterEach
    void close() {
        replacement.close();
        old.close();
    }

    @Test
    void printsTheReconciliationAndWhoPinnedTheNewKey() {
        CommandRun run = replaceGateway("--credential", old.supervisor());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Gateway GW-NEW001 replaces " + old.site().gateway().profile().gatewayId())
                .contains("pinned for the site by demo-supervisor")
                .contains("replica balance", "gap energy", "unposted energy", "energy charge", "other charges",
                        "payments", old.customer(0))
                .containsPattern("\\d+ ledger entries posted now, 0 posted before");
    }

    @Test
    void refusesANewGatewayOfAnotherSiteInTheReplacementsWordsBeforePinningIt() throws IOException {
        String siteId = old.site().gateway().profile().siteId();
        String both = Credentials.write(home, "both-sites.json", DemoOperator.issue("S-0009", "Two-site supervisor",
                Role.SUPERVISOR, List.of(siteId, "site-other"), NOW.minus(Duration.ofDays(1)), Duration.ofDays(30),
                Map.of()));
        try (ReplacementSite other = ReplacementSite.listen(ReplacementSteps.gatewayOfSite(old, clock,
                "site-other"))) {
            CommandRun run = ReplacementSteps.replaceGateway(ReplacementSteps.tcp(other), both, database);

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
            assertThat(run.err()).contains("is of site " + siteId, "gateway GW-OTHER1 is of site site-other",
                    "Give --site the database of site site-other", "[REPLACE_OTHER_SITE]")
                    .doesNotContain("push the outbox", "send them to support");
        }
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.replacements().all()).isEmpty();
        }
    }

    @Test
    void runsAgainWithoutPostingTwice() throws IOException {
        assertThat(replaceGateway("--credential", old.supervisor()).exitCode()).isZero();

        CommandRun again = replaceGateway("--credential", old.supervisor(), "--json");

        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertThat(json.get("postedNow")).isEmpty();
        assertThat(json.get("postedBefore")).isNotEmpty();
        assertThat(json.get("customers")).hasSize(12);
    }

    @Test
    void runAgainSaysNothingNewWasPostedAndPrintsNoTableOfFiguresItDidNotPost() {
        CommandRun first = replaceGateway("--credential", old.supervisor());

        CommandRun again = replaceGateway("--credential", old.supervisor());

        assertThat(first.exitCode()).as(first.err()).isZero();
        int posted = Integer.parseInt(first.out().replaceAll("(?s).*\\b(\\d+) ledger entries posted now.*", "$1"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Nothing new was posted: the replacement's " + posted + " ledger entries "
                + "were posted when it first ran").doesNotContain("gap energy", "payments", "energy charge")
                .doesNotContain(old.customer(0));
    }

    @Test
    void runAgainCountsEveryEntryTheFirstRunPostedThoughItsOwnLinesAreFewer() {
        CommandRun first = replaceGateway("--credential", old.supervisor(), "--payment",
                "CASH-78," + old.customer(2) + ",15.00,2026-06-03T14:30");

        // The payment is posted now, so the run again no longer holds it among its lines.
        CommandRun again = replaceGateway("--credential", old.supervisor());

        assertThat(first.exitCode()).as(first.err()).isZero();
        int posted = Integer.parseInt(first.out().replaceAll("(?s).*\\b(\\d+) ledger entries posted now.*", "$1"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("the replacement's " + posted + " ledger entries were posted when it "
                + "first ran");
    }

    @Test
    void aFreshDatabasePullsTheReplacedSiteFromEntryOneAndAuditsIt() throws IOException {
        assertThat(replaceGateway("--credential", old.supervisor()).exitCode()).isZero();
        String fresh = home.resolve("new-laptop.db").toString();

        CommandRun audit = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "audit",
                "--site", fresh);
        CommandRun verify = CommandRun.of("bill", "verify", "--site", fresh);

        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        try (SiteStore laptopA = SiteStore.open(Path.of(database));
                SiteStore laptopB = SiteStore.open(Path.of(fresh))) {
            long held = laptopA.lastLedgerSeq();
            assertThat(laptopB.ledger().get(0).seq()).isEqualTo(1);
            assertThat(laptopB.ledger()).startsWith(laptopA.ledger().toArray(LedgerEntry[]::new));
            assertThat(laptopB.ledgerHash(held)).get().isEqualTo(laptopA.ledgerHash(held).orElseThrow());
        }
    }

    @Test
    void aFreshDatabasesAuditSaysItCouldNotCheckTheDeadGatewaysCashInsteadOfVouchingForIt() throws Exception {
        close();
        clock = SimClock.manual(NOW);
        Path again = Files.createDirectories(home.resolve("fresh-cash"));
        killTheGatewayAfterAPull(again, Duration.ofHours(6), Duration.ofHours(2), () -> {
            String technician = old.technician(again, NOW, Duration.ofDays(30),
                    Map.of(TechnicianCredential.CASH_LIMIT, 10_000L));
            CommandRun topUp = CommandRun.of("connect", "--tcp", old.tcp(), "--credential", technician, "topup",
                    "--customer", old.customer(5), "--amount", "20", "--reference", "CASH-61");
            assertThat(topUp.exitCode()).as(topUp.err()).isZero();
            clock.advance(Duration.ofMinutes(20));
        });
        assertThat(replaceGateway("--credential", old.supervisor()).exitCode()).isZero();
        String fresh = again.resolve("new-laptop.db").toString();

        CommandRun audit = ReplacementSteps.audit(tcp, old.supervisor(), fresh);
        CommandRun json = ReplacementSteps.audit(tcp, old.supervisor(), fresh, "--json");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).containsPattern("NOT CHECKED: \\d+ ledger entr(y|ies) of the replaced gateway")
                .contains("holds no command log of that gateway", "payment:CASH-61")
                .doesNotContain("Every cash").doesNotContain("no valid signed command");
        JsonNode summary = new ObjectMapper().readTree(json.out()).get("audit");
        long cash;
        try (SiteStore store = SiteStore.open(Path.of(fresh))) {
            cash = store.ledger().stream().filter(e -> e.reference().equals("payment:CASH-61")).findFirst()
                    .orElseThrow().seq();
        }
        assertThat(summary.get("commandsNotCheckedSeqs").toString()).contains(String.valueOf(cash));
        assertThat(summary.get("commandsNotChecked").asLong()).isPositive();
        assertThat(summary.get("commandsNotCheckedReason").asText()).contains("no command log");
        assertThat(ReplacementSteps.audit(tcp, old.supervisor(), database).out()).doesNotContain("NOT CHECKED");
    }

    @Test
    void aDatabaseHoldingNoLedgerIsToldToCopyTheReplacingConsolesDatabaseByAGatewayThatTakesNoLedger()
            throws IOException {
        replacement.close();
        replacement = ReplacementSite.listen(ReplacementSteps.newGateway(old, clock, "5a").takingNoLedger());
        tcp = ReplacementSteps.tcp(replacement);
        assertThat(replaceGateway("--credential", old.supervisor()).exitCode()).isZero();

        CommandRun fresh = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "audit",
                "--site", home.resolve("new-laptop.db").toString());

        assertThat(fresh.exitCode()).isNotZero();
        assertThat(fresh.err()).contains("holds the site's ledger only from entry", "copy the site database")
                .doesNotContain("came where 1 belongs");
    }

    @Test
    void listsThePaymentsItKnowsAndReplacesNothingUntilTheyAreSaidComplete() {
        String[] command = {"connect", "--tcp", tcp, "replace-gateway", "--site", database, "--credential",
            old.supervisor(), "--payment", "CASH-77," + old.customer(2) + ",15.00,2026-06-03T14:30"};

        CommandRun run = CommandRun.of(command);

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("credits 1 payments", "CASH-77", old.customer(2), "--payment",
                "--payments-complete");
        assertThat(run.err()).contains("[REPLACE_PAYMENTS_UNCONFIRMED]");
        assertThatThrownBy(() -> replacement.gateway().balance(old.customer(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void creditsAPaymentEnteredInTheReplacementOnceByReference() throws IOException {
        String payment = "CASH-77," + old.customer(2) + ",15.00,2026-06-03T14:30";

        CommandRun first = replaceGateway("--credential", old.supervisor(), "--payment", payment, "--json");
        CommandRun again = replaceGateway("--credential", old.supervisor(), "--payment", payment, "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(new ObjectMapper().readTree(first.out()).get("postedNow").toString()).contains("payment:CASH-77");
        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(again.out());
        assertThat(json.get("postedNow")).isEmpty();
        assertThat(replacement.gateway().ledgerAfter(0)).filteredOn(e -> e.reference().equals("payment:CASH-77"))
                .singleElement().satisfies(e -> assertThat(e.amountMinor()).isEqualTo(1_500));
    }

    @Test
    void takesCashTheDeadGatewayTookOnAReceiptIntoTheNewGatewaysCashBookOnce() throws Exception {
        String technician = old.technician(home, NOW, Duration.ofDays(30),
                Map.of(TechnicianCredential.CASH_LIMIT, 2_500L));
        String code = CashAllowance.of(CredentialFile.read(Path.of(technician))).credentialId().substring(0, 6)
                .toUpperCase(Locale.ROOT);
        String slip = code + "-0003,T-0042,CASH-90," + old.customer(3) + ",15.00,2026-06-03T14:30";

        CommandRun first = replaceGateway("--credential", old.supervisor(), "--receipt", slip, "--json");
        CommandRun again = replaceGateway("--credential", old.supervisor(), "--receipt", slip, "--json");
        CommandRun overLimit = asTechnician(technician, "topup", "--customer", old.customer(4), "--amount", "11",
                "--reference", "CASH-91", "--json");
        CommandRun within = asTechnician(technician, "topup", "--customer", old.customer(4), "--amount", "9",
                "--reference", "CASH-92", "--json");
        CommandRun cashUp = asTechnician(technician, "cashup", "--day", "2026-06-03", "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(new ObjectMapper().readTree(first.out()).get("postedNow").toString()).contains("payment:CASH-90");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(replacement.gateway().ledgerAfter(0)).filteredOn(e -> e.reference().equals("payment:CASH-90"))
                .singleElement().satisfies(e -> assertThat(e.amountMinor()).isEqualTo(1_500));
        assertThat(overLimit.exitCode()).as("15.00 of the 25.00 limit is taken").isEqualTo(ExitCode.FAILED);
        assertThat(overLimit.err()).contains("CASH_LIMIT_EXCEEDED");
        assertThat(within.exitCode()).as(within.err()).isZero();
        assertThat(new ObjectMapper().readTree(within.out()).get("receipt").asText()).isEqualTo(code + "-0004");
        assertThat(cashUp.exitCode()).as(cashUp.err()).isZero();
        JsonNode day = new ObjectMapper().readTree(cashUp.out());
        assertThat(day.get("handOverMinor").asLong()).isEqualTo(2_400);
        assertThat(day.toString()).contains(code + "-0003", code + "-0004");
        clock.advance(Duration.ofHours(2));
        CommandRun audit = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "audit",
                "--site", database);
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).as("a slip is audited as on a replacement that charged no gap")
                .containsPattern("1 ledger entry is cash .* entered from its slip .*\\n  entry \\d+ .* "
                        + "payment:CASH-90\\n")
                .contains("Every other cash, void and correction entry, and every opening balance after the site's "
                        + "own at go-live, traces to a signed command.");
    }

    @Test
    void numbersTheNewGatewaysReceiptsAfterTheLastTheSlipsBookShowsThoughItsSlipWasLost() throws Exception {
        String technician = old.technician(home, NOW, Duration.ofDays(30),
                Map.of(TechnicianCredential.CASH_LIMIT, 10_000L));
        String code = CashAllowance.of(CredentialFile.read(Path.of(technician))).credentialId().substring(0, 6)
                .toUpperCase(Locale.ROOT);

        CommandRun misspelt = replaceGateway("--credential", old.supervisor(), "--last-receipt", code + "-x3");
        CommandRun replaced = replaceGateway("--credential", old.supervisor(), "--last-receipt", code + "-0003");
        CommandRun cash = asTechnician(technician, "topup", "--customer", old.customer(4), "--amount", "5",
                "--reference", "CASH-95", "--json");

        assertThat(misspelt.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(misspelt.err()).contains(code + "-x3");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(cash.exitCode()).as(cash.err()).isZero();
        assertThat(new ObjectMapper().readTree(cash.out()).get("receipt").asText()).isEqualTo(code + "-0004");
    }

    @Test
    void creditsAPaymentAndASlipEnteredTogetherInARunMinutesAfterThePull() throws Exception {
        close();
        clock = SimClock.manual(NOW);
        Path again = Files.createDirectories(home.resolve("minutes"));
        killTheGatewayAfterAPull(again, Duration.ofMinutes(2), Duration.ofMinutes(1), () -> { });
        String technician = old.technician(again, NOW, Duration.ofDays(30),
                Map.of(TechnicianCredential.CASH_LIMIT, 10_000L));
        String code = CashAllowance.of(CredentialFile.read(Path.of(technician))).credentialId().substring(0, 6)
                .toUpperCase(Locale.ROOT);

        CommandRun run = replaceGateway("--credential", old.supervisor(), "--payment",
                "CASH-80," + old.customer(2) + ",50,2026-06-03T12:09", "--receipt",
                code + "-0002,T-0042,POST-1," + old.customer(3) + ",75.50,2026-06-03T12:08", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("postedNow").toString())
                .contains("payment:CASH-80", "payment:POST-1");
        assertThat(replacement.gateway().ledgerAfter(0)).filteredOn(e -> e.reference().startsWith("payment:"))
                .extracting(e -> e.amountMinor()).containsExactlyInAnyOrder(5_000L, 7_550L);
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.pendingPayments()).isEmpty();
        }
    }

    @Test
    void creditsCashTheDeadGatewayTookBeforeThePullThatItsLedgerHadNotPostedYet() throws Exception {
        close();
        clock = SimClock.manual(NOW);
        Path again = Files.createDirectories(home.resolve("cash"));
        killTheGatewayAfterAPull(again, Duration.ofHours(6), Duration.ofHours(2), () -> {
            String technician = old.technician(again, NOW, Duration.ofDays(30),
                    Map.of(TechnicianCredential.CASH_LIMIT, 10_000L));
            CommandRun topUp = CommandRun.of("connect", "--tcp", old.tcp(), "--credential", technician, "topup",
                    "--customer", old.customer(5), "--amount", "20", "--reference", "CASH-60");
            assertThat(topUp.exitCode()).as(topUp.err()).isZero();
        });
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.cashBook()).anyMatch(line -> line.reference().equals("CASH-60"));
            assertThat(store.ledgerPayments()).doesNotContainKey("CASH-60");
        }

        CommandRun listed = CommandRun.of("connect", "--tcp", tcp, "replace-gateway", "--site", database,
                "--credential", old.supervisor());
        CommandRun run = replaceGateway("--credential", old.supervisor(), "--json");

        assertThat(listed.out()).contains("credits 1 payments", "CASH-60");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("postedNow").toString()).contains("payment:CASH-60");
        assertThat(replacement.gateway().ledgerAfter(0)).filteredOn(e -> e.reference().equals("payment:CASH-60"))
                .singleElement().satisfies(e -> assertThat(e.amountMinor()).isEqualTo(2_000));
    }

    @Test
    void theCashUpOfTheReplacementDayCountsTheDeadGatewaysPulledReceiptsOnceAndMarksThem() throws Exception {
        close();
        clock = SimClock.manual(NOW);
        Path again = Files.createDirectories(home.resolve("cashup"));
        String[] technician = new String[1];
        killTheGatewayAfterAPull(again, Duration.ofHours(6), Duration.ofHours(2), () -> {
            technician[0] = old.technician(again, NOW, Duration.ofDays(30),
                    Map.of(TechnicianCredential.CASH_LIMIT, 100_000L));
            CommandRun topUp = CommandRun.of("connect", "--tcp", old.tcp(), "--credential", technician[0], "topup",
                    "--customer", old.customer(5), "--amount", "20", "--reference", "CASH-61");
            assertThat(topUp.exitCode()).as(topUp.err()).isZero();
            // The dead gateway's ledger posts the cash at its next quarter hour, before the pull.
            clock.advance(Duration.ofMinutes(20));
        });
        String code = CashAllowance.of(CredentialFile.read(Path.of(technician[0]))).credentialId().substring(0, 6)
                .toUpperCase(Locale.ROOT);
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.ledgerPayments()).containsKey("CASH-61");
        }
        String slip = code + "-0002,T-0042,CASH-62," + old.customer(3) + ",15.00,2026-06-03T17:30";
        assertThat(replaceGateway("--credential", old.supervisor(), "--receipt", slip).exitCode()).isZero();
        CommandRun own = asTechnician(technician[0], "topup", "--customer", old.customer(4), "--amount", "9",
                "--reference", "CASH-63", "--json");
        assertThat(own.exitCode()).as(own.err()).isZero();

        CommandRun cashUp = CommandRun.of("connect", "--tcp", tcp, "--credential", technician[0], "--site", database,
                "cashup", "--day", "2026-06-03", "--json");
        CommandRun text = CommandRun.of("connect", "--tcp", tcp, "--credential", technician[0], "--site", database,
                "cashup", "--day", "2026-06-03");

        assertThat(cashUp.exitCode()).as(cashUp.err()).isZero();
        JsonNode day = new ObjectMapper().readTree(cashUp.out());
        assertThat(day.get("handOverMinor").asLong()).isEqualTo(2_000 + 1_500 + 900);
        List<String> receipts = new ArrayList<>();
        List<String> fromReplica = new ArrayList<>();
        day.get("lines").forEach(line -> {
            receipts.add(line.get("receipt").asText());
            if (line.get("fromReplica").asBoolean()) {
                fromReplica.add(line.get("reference").asText());
            }
        });
        assertThat(receipts).containsExactlyInAnyOrder(code + "-0001", code + "-0002", code + "-0003");
        assertThat(fromReplica).containsExactly("CASH-61");
        assertThat(text.out()).containsPattern(code + "-0001 .*CASH-61 \\(taken by the replaced gateway, from the "
                + "replica\\)").contains("Hand over: ");
        assertThat(text.out().lines().filter(line -> line.contains("replaced gateway"))).hasSize(1);
    }

    @Test
    void refusesCashEnteredAsAPaymentUnderItsReceiptNumberAndSaysToEnterItFromItsSlip() throws Exception {
        String technician = old.technician(home, NOW, Duration.ofDays(30),
                Map.of(TechnicianCredential.CASH_LIMIT, 2_500L));
        String code = CashAllowance.of(CredentialFile.read(Path.of(technician))).credentialId().substring(0, 6)
                .toUpperCase(Locale.ROOT);
        String receipt = code + "-0003";
        String payment = receipt + "," + old.customer(3) + ",15.00,2026-06-03T14:30";

        CommandRun complete = replaceGateway("--credential", old.supervisor(), "--payment", payment);
        CommandRun listing = CommandRun.of("connect", "--tcp", tcp, "replace-gateway", "--site", database,
                "--credential", old.supervisor(), "--payment", payment);

        assertThat(complete.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(complete.err()).contains("--payment 1 (" + receipt + "), reference: " + receipt
                + " is a cash receipt's number, of receipt book " + code)
                .contains("--receipt RECEIPT,TECHNICIAN,REFERENCE,CUSTOMER,AMOUNT,TIME", "the gateway was not reached",
                        "[REPLACE_PAYMENT_INVALID]");
        assertThat(listing.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(listing.err()).contains("--payment 1 (" + receipt + "), reference: ", "nothing was queued",
                "[REPLACE_PAYMENT_INVALID]");
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.queuedPayments()).noneMatch(p -> p.reference().equals(receipt));
        }
        assertThatThrownBy(() -> replacement.gateway().balance(old.customer(3)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesAReceiptSlipWithoutANumberAndQueuesNothing() {
        CommandRun run = replaceGateway("--credential", old.supervisor(), "--receipt",
                "no-number,T-0042,CASH-93," + old.customer(3) + ",15.00,2026-06-03T14:30");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("--receipt", "AA11BB-0007", "[REPLACE_PAYMENT_INVALID]");
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.pendingPayments()).noneMatch(p -> p.reference().equals("CASH-93"));
            assertThat(store.cashBook()).noneMatch(line -> line.reference().equals("CASH-93"));
        }
    }

    @Test
    void aSingleSlipLaterThanNowIsNamedAsTheFirstSlipByItsReceiptNumber() {
        CommandRun run = replaceGateway("--credential", old.supervisor(), "--receipt",
                "AA11BB-0007,T-0042,CASH-94," + old.customer(3) + ",15.00,2099-06-03T14:30");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("--receipt 1 (AA11BB-0007), time: ").contains("is later than now")
                .doesNotContain("line 2").contains("[REPLACE_PAYMENT_INVALID]");
    }

    private CommandRun asTechnician(String technician, String... args) {
        String[] command = {"connect", "--tcp", tcp, "--credential", technician};
        String[] all = new String[command.length + args.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(args, 0, all, command.length, args.length);
        return CommandRun.of(all);
    }

    @Test
    void refusesAMalformedPaymentAndQueuesNothing() {
        CommandRun run = replaceGateway("--credential", old.supervisor(), "--payment", "CASH-78,nobody,abc,");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("--payment 1 (CASH-78), ").contains("[REPLACE_PAYMENT_INVALID]")
                .doesNotContain("line 2");
        assertThatThrownBy(() -> replacement.gateway().balance(old.customer(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void checksEveryPaymentBeforeTheSessionSoABadAmountLeavesTheSitePinnedAsItWas() {
        CommandRun run = replaceGateway("--credential", old.supervisor(), "--payment",
                "CASH-79," + old.customer(2) + ",15.00,2026-06-03T14:30", "--payment",
                "CASH-80," + old.customer(2) + ",abc,2026-06-03T14:30");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("--payment 2 (CASH-80), ").contains("nothing was pinned, queued or replaced")
                .doesNotContain("re-pinned").contains("[REPLACE_PAYMENT_INVALID]");
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.pendingPayments()).noneMatch(p -> p.reference().startsWith("CASH-"));
        }
    }

    @Test
    void refusesAPaymentBeforeTheSiteWentLiveAndNumbersTheEntriesAsTyped() {
        CommandRun early = replaceGateway("--credential", old.supervisor(), "--payment",
                "CASH-81," + old.customer(2) + ",10.00,2026-05-06T09:00");
        CommandRun good = replaceGateway("--credential", old.supervisor(), "--payment",
                "CASH-82," + old.customer(2) + ",10.00,2026-06-03T14:30");

        assertThat(early.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(early.err()).contains("--payment 1 (CASH-81), time: ").contains("before the site went live")
                .contains("[REPLACE_PAYMENT_INVALID]");
        assertThat(good.exitCode()).as(good.err()).isZero();
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            assertThat(store.queuedPayments()).noneMatch(p -> p.reference().equals("CASH-81"));
            assertThat(store.queuedPayments()).filteredOn(p -> p.reference().equals("CASH-82")).singleElement()
                    .extracting(QueuedPayment::source).isEqualTo(ReplacementPayments.SOURCE + ":1");
        }
    }

    @Test
    void refusesTheSitesOwnGatewayStillAliveAsNoFactoryFreshOneInTheTechniciansWords() throws IOException {
        InetSocketAddress alive = old.site().listenTcp(0);
        tcp = alive.getHostString() + ":" + alive.getPort();

        CommandRun run = replaceGateway("--credential", old.supervisor());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("Gateway " + old.site().gateway().profile().gatewayId() + " already runs site "
                + old.site().gateway().profile().siteId()).contains("not a factory-fresh gateway")
                .contains("[" + ReplaceGatewayCommand.NOT_FRESH + "]").doesNotContain("UNSUPPORTED");
    }

    @Test
    void theAuditOfTheSiteAfterTheReplacementPassesOnTheContinuedChain() {
        assertThat(replaceGateway("--credential", old.supervisor()).exitCode()).isZero();
        clock.advance(Duration.ofHours(20));

        CommandRun audit = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "audit",
                "--site", database);

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).contains("Signed commands: 0 checked, 0 that do not check out")
                .containsPattern("The gateway was replaced after entry #\\d+: the \\d+ reconciliation entries posted "
                        + "then .* are taken as posted, not re-run");
    }

    @Test
    void theAuditAfterAPushToTheNewGatewayFindsTheSignedCommandOfEachPaymentAfterItStartedAgain()
            throws IOException {
        Path journal = Files.createDirectories(home.resolve("replacement-journal"));
        listenJournaled(journal);
        assertThat(replaceGateway("--credential", old.supervisor()).exitCode()).isZero();
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            String currency = store.site().orElseThrow().currency();
            store.queuePayments(List.of(new QueuedPayment("MM-501", old.customer(1), 4_000, currency,
                    clock.now().minus(Duration.ofMinutes(5)), "mobile money file", QueuedPayment.State.PENDING,
                    null, null)), clock.now());
        }
        CommandRun push = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "push", "--site",
                database);
        assertThat(push.exitCode()).as(push.out() + push.err()).isZero();
        listenJournaled(journal);
        clock.advance(Duration.ofHours(1));

        CommandRun audit = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "audit",
                "--site", database);

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).contains("Signed commands: 1 checked, 0 that do not check out");
    }

    @Test
    void aRunAfterTheRestoreThatFindsPaymentsQueuedSaysHowToCreditThem() {
        assertThat(replaceGateway("--credential", old.supervisor()).exitCode()).isZero();
        clock.advance(Duration.ofHours(1));
        CommandRun audit = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "audit",
                "--site", database);
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();

        CommandRun again = replaceGateway("--credential", old.supervisor(), "--payment",
                "CASH-81," + old.customer(2) + ",15.00,2026-06-03T14:30");

        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(again.err()).contains("REPLACE_ALREADY_RESTORED", "1 payments queued", "connect ... push");
    }

    @Test
    void theAuditsJsonSummaryCountsTheReconciliationEntriesItTookAsPosted() throws IOException {
        CommandRun replaced = replaceGateway("--credential", old.supervisor(), "--json");
        assertThat(replaced.exitCode()).as(replaced.out() + replaced.err()).isZero();
        long lines = new ObjectMapper().readTree(replaced.out()).get("postedNow").size();
        clock.advance(Duration.ofHours(20));

        CommandRun audit = CommandRun.of("connect", "--tcp", tcp, "--credential", old.supervisor(), "audit",
                "--site", database, "--json");

        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(audit.out()).get("audit");
        long tip;
        try (SiteStore store = SiteStore.open(Path.of(database))) {
            tip = store.ledger().stream().filter(entry -> entry.reference().startsWith("gap:")).findFirst()
                    .orElseThrow().seq() - 1;
        }
        assertThat(lines).isPositive();
        assertThat(summary.get("entriesTakenAsPosted").asLong()).isEqualTo(lines);
        assertThat(summary.get("replacedAfterSeq").asLong()).isEqualTo(tip);
    }

    @Test
    void refusesATechniciansCredentialAsTheDesignSays() throws IOException {
        String technician = old.technician(home, NOW, Duration.ofDays(30), Map.of());

        CommandRun run = replaceGateway("--credential", technician);

        assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(run.err()).startsWith("gridside: ").contains("GATEWAY_KEY_CHANGED");
        assertThat(run.out()).isEmpty();
    }

    /** Closes the new gateway and starts it again keeping its journal in {@code journal}, resuming what it holds. */
    private void listenJournaled(Path journal) throws IOException {
        replacement.close();
        replacement = ReplacementSite.listen(ReplacementSteps.journaledGateway(old, clock, "5a", journal));
        tcp = ReplacementSteps.tcp(replacement);
    }

    private CommandRun replaceGateway(String... options) {
        String[] command = {"connect", "--tcp", tcp, "replace-gateway", "--site", database, "--payments-complete"};
        String[] all = new String[command.length + options.length];
        System.arraycopy(command, 0, all, 0, command.length);
        System.arraycopy(options, 0, all, command.length, options.length);
        return CommandRun.of(all);
    }
}
