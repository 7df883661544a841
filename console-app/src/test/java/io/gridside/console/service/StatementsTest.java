package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gridside.console.Failures;
import io.gridside.console.I18n;
import io.gridside.site.CreditState;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteInfo;
import io.gridside.site.cash.CashBookLine;
import io.gridside.site.store.SiteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A customer's statement, worked by hand from a small ledger in Nairobi (UTC+3). */
class StatementsTest {

    static final SiteInfo SITE = new SiteInfo("S-1", "Test site", "KES", ZoneId.of("Africa/Nairobi"));
    private static final LocalDate JUNE_1 = LocalDate.parse("2026-06-01");
    private static final LocalDate JUNE_2 = LocalDate.parse("2026-06-02");
    private static final LocalDate JUNE_3 = LocalDate.parse("2026-06-03");

    @TempDir
    Path dir;

    private Path database;

    /**
     * C-1's ledger, in minor units of KES, with the site day each entry falls in: the day its time closes, so the
     * posting the gateway makes at local midnight for the day that ended falls into that day.
     * <pre>
     *   seq  UTC               local day  kind             amount  balance
     *   1    06-01 05:00       06-01      OPENING          10000    10000
     *   2    06-01 06:00       06-01      ENERGY            -350     9650
     *   3    06-01 21:15       06-02      STANDING_CHARGE  -1000     8650   (00:15 local)
     *   4    06-02 09:00       06-02      TOP_UP           50000    58650
     *   5    06-02 09:00       06-02      DEBT_RECOVERY    -5000    53650
     *   6    06-02 10:00       06-02      TAX                -56    53594
     *   7    06-02 20:45       06-02      LEVY               -10    53584   (23:45 local)
     *   8    06-02 21:00       06-02      ENERGY            -700    52884   (midnight local: the day's posting)
     *   9    06-02 21:15       06-03      STANDING_CHARGE  -1000    51884   (00:15 local)
     * </pre>
     * M-1's readings: 100 Wh from 06-01 05:45 UTC (day 06-01), 50 Wh from 06-02 20:30 UTC (23:30 local, day
     * 06-02) and 200 Wh from 06-02 20:45 UTC (23:45 local, day 06-02, ending at midnight). C-2 has no entry at all.
     */
    @BeforeEach
    void ledger() {
        database = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(database)) {
            store.saveSite(SITE, "GW-1");
            store.saveRoster(List.of(new Customer("C-1", "Amina", CustomerCategory.HOUSEHOLD),
                    new Customer("C-2", "Baraka", CustomerCategory.HOUSEHOLD)),
                    List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70), new Meter("M-2", "S-2", "C-2", "GW-1", -70)));
            store.insertLedger(List.of(
                    entry(1, "2026-06-01T05:00:00Z", EntryKind.OPENING, 10_000, 10_000),
                    entry(2, "2026-06-01T06:00:00Z", EntryKind.ENERGY, -350, 9_650),
                    entry(3, "2026-06-01T21:15:00Z", EntryKind.STANDING_CHARGE, -1_000, 8_650),
                    entry(4, "2026-06-02T09:00:00Z", EntryKind.TOP_UP, 50_000, 58_650),
                    entry(5, "2026-06-02T09:00:00Z", EntryKind.DEBT_RECOVERY, -5_000, 53_650),
                    entry(6, "2026-06-02T10:00:00Z", EntryKind.TAX, -56, 53_594),
                    entry(7, "2026-06-02T20:45:00Z", EntryKind.LEVY, -10, 53_584),
                    entry(8, "2026-06-02T21:00:00Z", EntryKind.ENERGY, -700, 52_884),
                    entry(9, "2026-06-02T21:15:00Z", EntryKind.STANDING_CHARGE, -1_000, 51_884)));
            store.insertReadings(List.of(new Reading("M-1", Instant.parse("2026-06-01T05:45:00Z"), 100, 1_100),
                    new Reading("M-1", Instant.parse("2026-06-02T20:30:00Z"), 50, 1_150),
                    new Reading("M-1", Instant.parse("2026-06-02T20:45:00Z"), 200, 1_350)));
            store.saveStatuses(List.of(new MeterStatus("M-1", "C-1", "Amina", 51_884, "KES",
                    Instant.parse("2026-06-02T21:15:00Z"), 1_350, -70, "GW-1", RelayState.ON, CreditState.ACTIVE)));
        }
    }

    @AfterEach
    void backToEnglish() {
        I18n.use(Locale.ENGLISH);
    }

    static LedgerEntry entry(long seq, String at, EntryKind kind, long amount, long balanceAfter) {
        return new LedgerEntry(seq, Instant.parse(at), "C-1", kind, amount, balanceAfter, "ref-" + seq);
    }

    @Test
    void splitsTheLedgerIntoSiteDaysLineByLine() {
        CustomerStatement s = statement("C-1", JUNE_1, JUNE_2);

        // The account opened in the period: the statement opens at the opening balance posted (10000), which no
        // day shows as an adjustment. 06-01: 350 of energy: 10000 - 350 = 9650.
        // 06-02: energy 700 (posted at midnight), standing 1000, debt 5000, tax 56, levy 10 = 6766 charged; 50000
        // topped up: 9650 + 43234 = 52884.
        assertThat(s.openingMinor()).isEqualTo(10_000);
        assertThat(s.days()).extracting(CustomerStatement.Day::balanceMinor).containsExactly(9_650L, 52_884L);
        assertThat(s.days().get(0).lines()).isEqualTo(new StatementLines(350, 0, 0, 0, 0, 0, 0, 0));
        assertThat(s.days().get(1).lines()).isEqualTo(new StatementLines(700, 1_000, 56, 10, 0, 5_000, 50_000, 0));
        assertThat(s.totals()).isEqualTo(new StatementLines(1_050, 1_000, 56, 10, 0, 5_000, 50_000, 0));
        assertThat(s.totals().chargesMinor()).isEqualTo(7_116);
        assertThat(s.closingMinor()).isEqualTo(52_884);
        assertThat(s.state()).isEqualTo(CreditState.ACTIVE);
        assertThat(s.meterIds()).containsExactly("M-1");
        assertThat(s.customerName()).isEqualTo("Amina");
    }

    @Test
    void listsTheCashTakenThatTheLedgerHasNotPostedAndLeavesTheBalanceAlone() {
        try (SiteStore store = SiteStore.open(database)) {
            store.insertCashBook(List.of(
                    receipt("AB12CD-0001", "CASH-1", "C-1", 2_000, "2026-06-02T19:00:00Z"),
                    receipt("AB12CD-0002", "CASH-2", "C-1", 700, "2026-06-02T19:10:00Z"),
                    new CashBookLine(CashBookLine.Kind.VOID, "AB12CD-0002", "T-1", "CASH-2", "C-1", 700, "KES",
                            Instant.parse("2026-06-02T19:20:00Z"), "S-1", "wrong customer"),
                    receipt("AB12CD-0003", "CASH-3", "C-2", 900, "2026-06-02T19:30:00Z"),
                    receipt("AB12CD-0004", "CASH-4", "C-1", 400, "2026-06-03T05:00:00Z")));
        }

        CustomerStatement s = statement("C-1", JUNE_1, JUNE_2);

        assertThat(s.pendingCash()).containsExactly(new CustomerStatement.PendingCash("AB12CD-0001", "CASH-1", 2_000,
                Instant.parse("2026-06-02T19:00:00Z")));
        assertThat(s.pendingCashMinor()).isEqualTo(2_000);
        assertThat(s.closingMinor()).as("not in any balance until posted").isEqualTo(52_884);
        assertThat(statement("C-1", JUNE_1, JUNE_3).pendingCash()).extracting(CustomerStatement.PendingCash::receipt)
                .containsExactly("AB12CD-0001", "AB12CD-0004");
    }

    private static CashBookLine receipt(String receipt, String reference, String customerId, long amount,
            String at) {
        return new CashBookLine(CashBookLine.Kind.RECEIPT, receipt, "T-1", reference, customerId, amount, "KES",
                Instant.parse(at), null, null);
    }

    @Test
    void countsAQuarterHoursEnergyOnTheDayItStartedAsTheDaysPostingIs() {
        CustomerStatement s = statement("C-1", JUNE_1, JUNE_3);

        // The 200 Wh quarter hour ending at local midnight is 06-02's, and so is the posting at midnight (entry 8)
        // that charges 06-02's energy: both fall into 06-02; 06-03 has only its standing charge.
        assertThat(s.days()).extracting(CustomerStatement.Day::energyWh).containsExactly(100L, 250L, 0L);
        assertThat(s.energyWh()).isEqualTo(350);
        assertThat(s.days().get(1).lines().energyMinor()).isEqualTo(700);
        assertThat(s.days().get(2).lines()).isEqualTo(new StatementLines(0, 1_000, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void opensAtTheBalanceAfterTheLastEntryBeforeThePeriod() {
        CustomerStatement s = statement("C-1", JUNE_2, JUNE_3);

        // Entries 1 and 2 are before 06-02 local: the period opens at 9650 and closes at 52884 - 1000 = 51884.
        assertThat(s.openingMinor()).isEqualTo(9_650);
        assertThat(s.closingMinor()).isEqualTo(51_884);
        assertThat(s.openingMinor() + s.totals().netMinor()).isEqualTo(s.closingMinor());
        // The posting at midnight closes 06-02, so a statement of 06-03 alone opens after it.
        assertThat(statement("C-1", JUNE_3, JUNE_3).openingMinor()).isEqualTo(52_884);
    }

    @Test
    void aCustomerWithoutEntriesHasADayOfNothingForEveryDay() {
        CustomerStatement s = statement("C-2", JUNE_1, JUNE_3);

        assertThat(s.days()).hasSize(3).allSatisfy(day -> {
            assertThat(day.lines()).isEqualTo(StatementLines.NONE);
            assertThat(day.balanceMinor()).isZero();
        });
        assertThat(s.state()).isNull();
    }

    @Test
    void theLedgerPeriodRunsFromTheFirstEntrysDayToTheLastOnes() {
        try (SiteStore store = SiteStore.open(database)) {
            assertThat(Statements.of(store).ledgerPeriod()).contains(new Statements.Period(JUNE_1, JUNE_3));
        }
    }

    @Test
    void refusesEntriesThatDoNotAddUpToTheirStoredBalance() {
        Path broken = dir.resolve("broken.db");
        try (SiteStore store = SiteStore.open(broken)) {
            store.saveSite(SITE, "GW-1");
            // 10000 - 350 is 9650, not 9600: the second entry's stored balance was not the gateway's.
            store.insertLedger(List.of(entry(1, "2026-06-01T05:00:00Z", EntryKind.OPENING, 10_000, 10_000),
                    entry(2, "2026-06-01T06:00:00Z", EntryKind.ENERGY, -350, 9_600)));

            Statements statements = Statements.of(store);
            Statements.Period june1 = new Statements.Period(JUNE_1, JUNE_1);
            assertThatThrownBy(() -> statements.of("C-1", june1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("add up to 9650").hasMessageContaining("9600")
                    .hasMessageEndingWith("[" + Statements.LEDGER_BROKEN + "]");
        }
    }

    @Test
    void entriesThatDoNotAddUpAreRefusedInFrenchWithTheirAmountsAsFrenchWritesMoney() {
        Path broken = dir.resolve("broken.db");
        try (SiteStore store = SiteStore.open(broken)) {
            store.saveSite(SITE, "GW-1");
            store.insertLedger(List.of(entry(1, "2026-06-01T05:00:00Z", EntryKind.OPENING, 10_000, 10_000),
                    entry(2, "2026-06-01T06:00:00Z", EntryKind.ENERGY, -350, 9_600)));
            Statements statements = Statements.of(store);

            Throwable refused = catchThrowable(() -> statements.of("C-1", new Statements.Period(JUNE_1, JUNE_1)));
            I18n.use(Locale.FRENCH);
            String french = Failures.describe(refused);
            I18n.use(Locale.ENGLISH);

            assertThat(french).startsWith("Les écritures du grand livre du client C-1 totalisent 96,50 KES, mais le "
                    + "grand livre a enregistré 96,00 KES").endsWith("[" + Statements.LEDGER_BROKEN + "]")
                    .contains(broken.toString()).doesNotContain("minor units");
            assertThat(Failures.describe(refused)).isEqualTo(refused.getMessage()).contains("9650 minor units");
        }
    }

    @Test
    void anUnknownCustomerIsNamed() {
        try (SiteStore store = SiteStore.open(database)) {
            Statements statements = Statements.of(store);
            Statements.Period june1 = new Statements.Period(JUNE_1, JUNE_1);
            assertThat(statements.knows("C-9")).isFalse();
            assertThatThrownBy(() -> statements.of("C-9", june1)).hasMessageContaining("C-9");
        }
    }

    private CustomerStatement statement(String customerId, LocalDate first, LocalDate last) {
        try (SiteStore store = SiteStore.open(database)) {
            return Statements.of(store).of(customerId, new Statements.Period(first, last));
        }
    }
}
