package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.billing.CreditPolicy;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.site.CreditState;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Debt;
import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.site.SiteCalendar;
import io.gridside.site.SiteEvent;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.TariffSchedule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bill credit} lists each customer's credit from a pulled site database, without a gateway. */
class CreditCommandTest {

    private static final Instant T0 = Instant.parse("2026-06-02T09:00:00Z");

    @TempDir
    Path dir;

    private Path database;

    /**
     * C-1 opens with 100 and is charged 300 for a 300 Wh interval: 200 Wh of it past zero. C-2 pays 1,000, of which
     * a loan takes 100, and a technician holds its relay open for maintenance.
     */
    @BeforeEach
    void pulledSite() {
        database = dir.resolve("site.db");
        try (SiteStore store = SiteStore.open(database)) {
            store.saveSite(new SiteInfo("S-1", "Test site", "KES", ZoneId.of("Africa/Nairobi")), "GW-1");
            store.saveRoster(List.of(new Customer("C-1", "Clinic", CustomerCategory.SHOP),
                    new Customer("C-2", "Household", CustomerCategory.HOUSEHOLD)),
                    List.of(new Meter("M-1", "S-1", "C-1", "GW-1", -70), new Meter("M-2", "S-2", "C-2", "GW-1", -70)));
            store.insertLedger(List.of(
                    new LedgerEntry(1, T0, "C-1", EntryKind.OPENING, 100, 100, "opening"),
                    new LedgerEntry(2, T0, "C-2", EntryKind.OPENING, 0, 0, "opening"),
                    new LedgerEntry(3, T0.plusSeconds(900), "C-1", EntryKind.ENERGY, -300, -200, "interval:" + T0),
                    new LedgerEntry(4, T0.plusSeconds(900), "C-2", EntryKind.TOP_UP, 1_000, 1_000, "payment:MP-1"),
                    new LedgerEntry(5, T0.plusSeconds(900), "C-2", EntryKind.DEBT_RECOVERY, -100, 900,
                            "debt:LOAN-1:payment:MP-1")));
            store.insertReadings(List.of(new Reading("M-1", T0, 300, 300), new Reading("M-2", T0, 0, 0)));
            store.insertEvents(List.of(new SiteEvent(1, T0.plusSeconds(60), "M-2", EventKind.RELAY_OFF,
                    new TreeMap<>(java.util.Map.of("reason", "maintenance")), null)));
            store.saveStatuses(List.of(
                    new MeterStatus("M-1", "C-1", "Clinic", -200, "KES", T0.plusSeconds(900), 300, -70, "GW-1",
                            RelayState.ON, CreditState.ARREARS),
                    new MeterStatus("M-2", "C-2", "Household", 900, "KES", T0.plusSeconds(900), 0, -70, "GW-1",
                            RelayState.OFF, CreditState.LOW)));
        }
    }

    @Test
    void listsStatesDebtsLocksAndEnergyPastZeroAsJson() throws IOException {
        CommandRun run = CommandRun.of("bill", "credit", "--site", database.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(run.out());
        assertThat(rows).hasSize(2);
        JsonNode clinic = rows.get(0);
        assertThat(clinic.get("customerId").asText()).isEqualTo("C-1");
        assertThat(clinic.get("state").asText()).isEqualTo("ARREARS");
        assertThat(clinic.get("energyPastZeroWh").asLong()).isEqualTo(200);
        assertThat(clinic.get("balanceMinor").asLong()).isEqualTo(-200);
        assertThat(clinic.get("currency").asText()).isEqualTo("KES");
        JsonNode household = rows.get(1);
        assertThat(household.get("debts").get(0).get("debtId").asText()).isEqualTo("LOAN-1");
        assertThat(household.get("debts").get(0).get("recoveredMinor").asLong()).isEqualTo(100);
        assertThat(household.get("lockedSince").asText()).isEqualTo(T0.plusSeconds(60).toString());
        assertThat(household.get("energyPastZeroWh").asLong()).isZero();
    }

    @Test
    void printsATableForTheTechnician() {
        CommandRun run = CommandRun.of("bill", "credit", "--site", database.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(3);
        assertThat(run.out().lines().toList().get(0)).contains("BALANCE KES", "DEBTS KES");
        // C-1's balance of -200 minor units is KES -2.00; it consumed 200 Wh past zero.
        assertThat(run.out().lines().toList().get(1).split("\\s+")).containsSequence("C-1", "M-1", "ARREARS", "ON",
                "-2.00", "200");
        assertThat(run.out().lines().toList().get(2)).contains("C-2", "LOW", "9.00", "LOAN-1 1.00 (1 payment)");
    }

    @Test
    void saysWhatEachDebtStillOwesWhenTheGatewayServedItsTerms() {
        Debt loan = new Debt("LOAN-1", "C-2", Debt.Kind.APPLIANCE_LOAN, 1_500, 10);
        byte[] document = BillingConfigDocument.encode(new BillingConfig(
                TariffSchedule.flat(new Tariff("flat", "KES", 3500, 1000, 5000)),
                new CreditTerms(CreditPolicy.PLAIN, SiteCalendar.NONE, Set.of("C-1"), List.of(loan))));
        try (SiteStore store = SiteStore.open(database)) {
            store.saveBillingConfig(BillingConfigDocument.digest(document), document, T0);
        }

        CommandRun run = CommandRun.of("bill", "credit", "--site", database.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList().get(2)).contains("LOAN-1 1.00 (1 payment) owes 14.00");
    }

    @Test
    void refusesADatabaseNeverPulledIntoAsAUsageErrorAsVeeDoes() {
        Path empty = dir.resolve("empty.db");
        SiteStore.open(empty).close();

        CommandRun credit = CommandRun.of("bill", "credit", "--site", empty.toString());
        CommandRun vee = CommandRun.of("bill", "vee", "--site", empty.toString());

        assertThat(credit.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(vee.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(credit.errLines()).singleElement().asString().endsWith("[NO_SITE]");
        assertThat(vee.errLines()).singleElement().asString().endsWith("[NO_SITE]");
    }

    @Test
    void refusesAMissingDatabaseAsAUsageError() {
        CommandRun run = CommandRun.of("bill", "credit", "--site", dir.resolve("none.db").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("There is no site database");
    }
}
