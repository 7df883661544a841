package io.gridside.console.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Meter;
import io.gridside.site.QueuedPayment;
import io.gridside.site.SiteInfo;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The payments a gateway replacement is told of by hand: which it queues, and which it refuses and why. */
class EnteredPaymentsTest {

    private static final SiteInfo SITE = new SiteInfo("S-1", "Test site", "KES", ZoneId.of("Africa/Nairobi"));
    private static final Instant NOW = Instant.parse("2026-06-03T00:00:00Z");
    /** 2026-06-02T10:15 in Nairobi, the day before {@link #NOW}. */
    private static final String YESTERDAY = "2026-06-02T10:15";
    private static final String SOURCE = "entered in a test";

    @TempDir
    Path dir;

    private SiteStore store;

    @BeforeEach
    void siteWithOneCustomer() {
        store = SiteStore.open(dir.resolve("site.db"));
        store.saveSite(SITE, "GW-1");
        store.saveRoster(List.of(new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD)),
                List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70)));
    }

    @AfterEach
    void close() {
        store.close();
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void refusesAPaymentWhoseReferenceIsACashReceiptsNumberAndQueuesNoneOfTheList() {
        List<ImportProblem> problems = EnteredPayments.enter(store, SITE, List.of("CASH-1,C-1,5.00," + YESTERDAY,
                "79115E-0003,C-1,15.00," + YESTERDAY), NOW, NOW, SOURCE);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.field()).isEqualTo("reference");
            assertThat(problem.reason()).isEqualTo(EnteredPayments.RECEIPT_AS_PAYMENT);
            assertThat(problem.message()).startsWith("79115E-0003 is a cash receipt's number, of receipt book 79115E")
                    .contains("--receipt RECEIPT,TECHNICIAN,REFERENCE,CUSTOMER,AMOUNT,TIME", "cash-up");
        });
        assertThat(store.queuedPayments()).isEmpty();
    }

    @Test
    void knowsAReceiptNumberTypedInSmallLettersAndOnlyByItsWholeForm() {
        List<ImportProblem> small = EnteredPayments.check(store, SITE, List.of("79115e-0012,C-1,15.00," + YESTERDAY),
                NOW, NOW);
        List<ImportProblem> others = EnteredPayments.enter(store, SITE, List.of("CASH-0003,C-1,1.00," + YESTERDAY,
                "79115E-03,C-1,1.00," + YESTERDAY, "7911E-0003,C-1,1.00," + YESTERDAY, "MM-501,C-1,1.00," + YESTERDAY),
                NOW, NOW, SOURCE);

        assertThat(small).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("receipt book 79115E"));
        assertThat(others).isEmpty();
        assertThat(store.queuedPayments()).extracting(QueuedPayment::reference)
                .containsExactlyInAnyOrder("CASH-0003", "79115E-03", "7911E-0003", "MM-501");
    }

    @Test
    void takesCashWhoseReferenceIsItsReceiptsNumberFromItsSlipAndKeepsTheReceipt() {
        List<ImportProblem> checked = EnteredPayments.checkReceipts(store, SITE,
                List.of("79115E-0003,T-0042,79115E-0003,C-1,15.00," + YESTERDAY), NOW, NOW);
        List<ImportProblem> entered = EnteredPayments.enterReceipts(store, SITE,
                List.of("79115E-0003,T-0042,79115E-0003,C-1,15.00," + YESTERDAY), NOW, NOW, SOURCE);

        assertThat(checked).isEmpty();
        assertThat(entered).isEmpty();
        assertThat(store.pendingPayments()).extracting(QueuedPayment::reference).containsExactly("79115E-0003");
        assertThat(store.cashBook()).singleElement().extracting(CashBookLine::receipt).isEqualTo("79115E-0003");
    }

    @Test
    void aTimeLaterThanBothClocksIsLeftToTheNewGatewaysClockAndRefusedByIt() {
        Instant gatewayAhead = NOW.plus(Duration.ofDays(1));
        List<String> tomorrow = List.of("CASH-2,C-1,5.00,2026-06-03T10:15");
        List<String> slip = List.of("79115E-0004,T-0042,CASH-3,C-1,5.00,2026-06-03T10:15");

        assertThat(EnteredPayments.check(store, SITE, tomorrow, NOW, NOW)).isEmpty();
        assertThat(EnteredPayments.checkReceipts(store, SITE, slip, NOW, NOW)).isEmpty();
        assertThat(EnteredPayments.checkByGatewayClock(store, SITE, tomorrow, NOW, NOW)).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).isEqualTo("import.time.future"));
        assertThat(EnteredPayments.checkReceiptsByGatewayClock(store, SITE, slip, NOW, NOW)).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).isEqualTo("import.time.future"));
        assertThat(EnteredPayments.checkByGatewayClock(store, SITE, tomorrow, NOW, gatewayAhead)).isEmpty();
        assertThat(EnteredPayments.checkReceiptsByGatewayClock(store, SITE, slip, NOW, gatewayAhead)).isEmpty();
        assertThat(store.queuedPayments()).isEmpty();
    }

    @Test
    void theRefusalOfAReceiptEnteredAsAPaymentReadsInEachLanguage() {
        ImportProblem problem = EnteredPayments.check(store, SITE, List.of("79115E-0003,C-1,15.00," + YESTERDAY),
                NOW, NOW).get(0);

        assertThat(Failures.worded(problem, problem.message())).isEqualTo(problem.message());
        I18n.use(Locale.FRENCH);
        assertThat(Failures.worded(problem, problem.message())).startsWith("79115E-0003 est un numéro de reçu")
                .contains("carnet de reçus 79115E", "--receipt", "l'arrêté de caisse");
        I18n.use(Locale.forLanguageTag("pt"));
        assertThat(Failures.worded(problem, problem.message())).startsWith("79115E-0003 é o número de um recibo")
                .contains("livro de recibos 79115E", "--receipt");
        I18n.use(Locale.forLanguageTag("sw"));
        assertThat(Failures.worded(problem, problem.message())).startsWith("79115E-0003 ni namba ya risiti")
                .contains("kitabu cha risiti 79115E", "--receipt");
    }
}
