package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.console.Formats;
import io.gridside.link.auth.TechnicianCredential;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridside connect ... topup} against a simulated site whose clock the test moves. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopUpCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    /** KES 2000.00. */
    private static final long LIMIT = 200_000;

    @TempDir
    static Path home;

    private static SimClock.Manual clock;
    private static CommandSite fixture;
    private static SimulatedSite site;
    private static String technician;
    private static String supervisor;

    @BeforeAll
    static void startSite() throws IOException {
        clock = SimClock.manual(NOW);
        fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(15, 6, 1, NOW), clock));
        site = fixture.site();
        supervisor = fixture.supervisor();
        fixture.pinned();
        technician = fixture.technician(home, NOW, Duration.ofDays(2), Map.of(TechnicianCredential.CASH_LIMIT, LIMIT));
    }

    @AfterAll
    static void stopSite() {
        fixture.close();
    }

    private static CommandRun topUp(String credential, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "topup";
        System.arraycopy(args, 0, all, 1, args.length);
        return fixture.connect(credential, all);
    }

    private static String customer(int index) {
        return fixture.customer(index);
    }

    @Test
    void creditsCashOnceAndTheAuditedLedgerHoldsItOnce(@TempDir Path dir) throws IOException {
        CommandRun first = topUp(technician, "--customer", customer(1), "--amount", "150.50", "--reference",
                "CASH-0001", "--note", "paid at the kiosk", "--json");
        CommandRun again = topUp(technician, "--customer", customer(1), "--amount", "150.5", "--reference",
                "CASH-0001");

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode receipt = new ObjectMapper().readTree(first.out());
        assertThat(receipt.get("outcome").asText()).isEqualTo("CREDITED");
        assertThat(receipt.get("customerId").asText()).isEqualTo(customer(1));
        assertThat(receipt.get("amountMinor").asLong()).isEqualTo(15_050);
        assertThat(receipt.get("currency").asText()).isEqualTo("KES");
        assertThat(receipt.get("balanceAfterMinor").isNull()).isTrue();
        ZoneId zone = ZoneId.of(receipt.get("timeZone").asText());
        assertThat(receipt.get("paidAtSiteTime").asText()).as("the time as the slip reads, for replace-gateway")
                .isEqualTo(Formats.siteSecond(Instant.parse(receipt.get("paidAt").asText()), zone));
        assertThat(receipt.get("limitMinor").asLong()).isEqualTo(LIMIT);
        assertThat(receipt.get("usedMinor").asLong()).as("with the other tests' cash").isGreaterThanOrEqualTo(15_050);
        assertThat(receipt.get("remainingMinor").asLong()).isEqualTo(LIMIT - receipt.get("usedMinor").asLong());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("CASH-0001 was credited before", "nothing was credited again");

        clock.advance(Reading.INTERVAL);
        Path database = dir.resolve("site.db");
        CommandRun audit = fixture.connect(technician, "audit", "--site", database.toString(), "--json");

        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(new ObjectMapper().readTree(audit.out()).get("audit").get("agrees").asBoolean()).isTrue();
        try (SiteStore store = SiteStore.open(database)) {
            assertThat(store.ledger()).filteredOn(entry -> entry.reference().equals("payment:CASH-0001"))
                    .singleElement().extracting(LedgerEntry::customerId, LedgerEntry::amountMinor)
                    .containsExactly(customer(1), 15_050L);
        }
    }

    @Test
    void findsTheCustomerByMeterAndSaysWhatIsLeftInText() {
        String meter = site.gateway().layout().meters().get(2).meterId();

        CommandRun run = topUp(technician, "--meter", meter, "--amount", "10", "--reference", "CASH-0002");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Receipt ", "credited KES 10.00", "to customer " + customer(2), "CASH-0002",
                "Your credential may still credit", "next quarter hour")
                .containsPattern("under reference CASH-0002, paid \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [A-Z]+\\.");
    }

    @Test
    void refusesCashPastTheLimitAsAFailedOperationWithTheNumbers() {
        CommandRun run = topUp(technician, "--customer", customer(3), "--amount", "5000", "--reference",
                "CASH-0003");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.errLines()).singleElement().asString()
                .contains("limit KES 2,000.00", "remaining KES").endsWith(" [CASH_LIMIT_EXCEEDED]")
                .doesNotContain("(CASH_LIMIT_EXCEEDED)");
        assertThat(site.gateway().ledgerAfter(0)).noneMatch(e -> e.reference().equals("payment:CASH-0003"));
    }

    @Test
    void refusesCashToACredentialWithoutALimit() {
        CommandRun run = topUp(supervisor, "--customer", customer(3), "--amount", "1", "--reference", "CASH-0004");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(run.err()).contains("CASH_NOT_PERMITTED", "demo-supervisor");
    }

    @Test
    void refusesCashInAnotherCurrencyAndAnUnknownCustomer() {
        CommandRun currency = topUp(technician, "--customer", customer(3), "--amount", "100", "--currency", "UGX",
                "--reference", "CASH-0005");
        CommandRun unknown = topUp(technician, "--customer", "C-NOBODY", "--amount", "1", "--reference",
                "CASH-0006");

        assertThat(currency.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(currency.err()).contains("CASH_CURRENCY_MISMATCH", "KES", "UGX");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(unknown.err()).contains("CASH_UNKNOWN_CUSTOMER", "C-NOBODY");
    }

    @Test
    void statusShowsTheCredentialsCashLimit() throws IOException {
        CommandRun withLimit = fixture.connect(technician, "status", "--json");
        CommandRun without = fixture.connect(supervisor, "status");

        assertThat(withLimit.exitCode()).as(withLimit.err()).isZero();
        assertThat(new ObjectMapper().readTree(withLimit.out()).get("cashLimitMinor").asLong()).isEqualTo(LIMIT);
        assertThat(without.out()).containsPattern("cashLimitMinor +none");
    }

    @Test
    void takesTheAmountExactlyOrNotAtAll() {
        CommandRun tooFine = topUp(technician, "--customer", customer(3), "--amount", "1.005", "--reference", "R");
        CommandRun notANumber = topUp(technician, "--customer", customer(3), "--amount", "1e3", "--reference", "R");
        CommandRun nothing = topUp(technician, "--customer", customer(3), "--amount", "0.00", "--reference", "R");
        CommandRun noCustomer = topUp(technician, "--amount", "1", "--reference", "R");
        CommandRun negative = topUp(technician, "--customer", customer(3), "--amount", "-5", "--reference", "R");
        CommandRun huge = topUp(technician, "--customer", customer(3), "--amount", "99999999999999999999",
                "--reference", "R");
        CommandRun noReference = topUp(technician, "--customer", customer(3), "--amount", "1", "--reference", " ");

        assertThat(tooFine.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tooFine.err()).contains("at most 2 decimals");
        assertThat(notANumber.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(nothing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noCustomer.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(negative.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(negative.err()).contains("--amount: an amount cannot be negative");
        assertThat(huge.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(huge.err()).contains("one amount is at most KES 100,000,000.00").doesNotContain("not a number");
        assertThat(noReference.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noReference.err()).contains("--reference must not be empty");
        assertThat(site.gateway().ledgerAfter(0)).noneMatch(e -> e.reference().equals("payment:R"));
    }
}
