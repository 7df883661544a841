package io.gridside.sim.replace;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.PaymentsPosted;
import io.gridside.link.message.PostPayments;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.server.RestoreRefusedException;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.RelayCommand;
import io.gridside.site.RelayState;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerLink;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The replacement gateway bills on from its reconciliation: the readings its meters send after the registers the
 * gap was billed to, payments and relays, in entries that continue the dead gateway's chain.
 */
class ReplacementBillingTest {

    /** 12:00 in Nairobi, so an hour of billing stays within the site day. */
    private static final Instant READ_AT = Instant.parse("2026-06-03T09:00:00Z");
    private static final String SITE = "site-kisima";
    private static final String RESTORE = SITE + ":41";
    private static final LedgerEntry TIP = new LedgerEntry(41, READ_AT.minusSeconds(900), "C1", EntryKind.ENERGY,
            -30, 12_500, "day:2026-06-02");
    private static final ByteString TIP_HASH = ByteString.of(LedgerChain.link(LedgerChain.genesis(), TIP));
    private static final SiteInfo SITE_INFO = new SiteInfo(SITE, "Kisima", "KES", ZoneId.of("Africa/Nairobi"));
    /** 250 minor units a kWh, no standing charge within the day. */
    private static final Tariff TARIFF = new Tariff("flat", "KES", 250, 1_000, 5_000);
    private static final long WH_PER_QUARTER_HOUR = ScriptedMeters.WH_PER_QUARTER_HOUR;

    private final SimClock.Manual clock = SimClock.manual(READ_AT.plusSeconds(120));
    private final ScriptedMeters meters = new ScriptedMeters();
    private final ReplacementGateway gateway = new ReplacementGateway(SITE, "GW-NEW001",
            SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32))), DemoOperator.trusted(), clock, meters);

    @Test
    void billsTheReadingsAfterTheRegistersTheGapWasBilledTo() throws RestoreRefusedException {
        restoreAndReconcile();

        clock.advance(Duration.ofHours(1));

        long fourQuarterHours = 4 * WH_PER_QUARTER_HOUR * TARIFF.energyMinorPerKwh() / 1_000;
        assertThat(gateway.balance("C1")).isEqualTo(12_500 - 1_200 - fourQuarterHours);
        assertThat(gateway.readings(READ_AT, clock.now(), "M1")).hasSize(4)
                .allSatisfy(reading -> assertThat(reading.intervalStart()).isAfterOrEqualTo(READ_AT));
    }

    @Test
    void billsAMeterWhoseRegisterReadWasStaleOnFromWhereTheReconciliationSaysItWasBilledTo()
            throws RestoreRefusedException {
        // The replica's last reading of M1 ended a quarter hour after the register the gateway read (decision 0096).
        Instant replicaEnd = READ_AT.plus(Duration.ofMinutes(15));
        restoreAndReconcile(List.of(new PostReconciliation.BilledTo("M1", 5_000_000, replicaEnd)));

        clock.advance(Duration.ofHours(1));

        long threeQuarterHours = 3 * WH_PER_QUARTER_HOUR * TARIFF.energyMinorPerKwh() / 1_000;
        assertThat(gateway.readings(READ_AT, clock.now(), "M1")).hasSize(3)
                .allSatisfy(reading -> assertThat(reading.intervalStart()).isAfterOrEqualTo(replicaEnd));
        assertThat(gateway.balance("C1")).isEqualTo(12_500 - 1_200 - threeQuarterHours);
        assertThat(gateway.readings(READ_AT, clock.now(), "M2")).hasSize(4);
    }

    @Test
    void continuesTheDeadGatewaysChainAcrossItsOwnBilling() throws RestoreRefusedException {
        restoreAndReconcile();
        clock.advance(Duration.ofHours(15));

        List<LedgerLink> links = gateway.ledgerLinksAfter(TIP.seq());

        assertThat(links).extracting(link -> link.entry().kind()).contains(EntryKind.ENERGY);
        List<byte[]> heads = LedgerChain.heads(TIP_HASH.toByteArray(), links.stream().map(LedgerLink::entry)
                .toList());
        for (int i = 0; i < links.size(); i++) {
            assertThat(links.get(i).entry().seq()).isEqualTo(TIP.seq() + 1 + i);
            assertThat(links.get(i).hash()).isEqualTo(heads.get(i));
        }
    }

    @Test
    void creditsAPaymentTakenAfterTheReconciliationOnceByReference() throws RestoreRefusedException {
        restoreAndReconcile();
        PostPayments payment = new PostPayments(List.of(new PostPayments.Payment("MM-9", "C2", 3_000, "KES",
                clock.now(), "mobile money export")));

        PaymentsPosted first = gateway.postPayments(payment);
        clock.advance(Duration.ofMinutes(30));
        PaymentsPosted again = gateway.postPayments(payment);

        assertThat(first.results().get(0).outcome()).isEqualTo(PaymentsPosted.Outcome.CREDITED);
        assertThat(again.results().get(0).outcome()).isEqualTo(PaymentsPosted.Outcome.ALREADY_CREDITED);
        assertThat(gateway.ledgerAfter(TIP.seq())).filteredOn(entry -> entry.reference().equals("payment:MM-9"))
                .singleElement().satisfies(entry -> assertThat(entry.amountMinor()).isEqualTo(3_000));
        long twoQuarterHours = 2 * WH_PER_QUARTER_HOUR * TARIFF.energyMinorPerKwh() / 1_000;
        assertThat(gateway.balance("C2")).isEqualTo(-400 + 3_000 - twoQuarterHours);
    }

    @Test
    void turnsOffTheRelayOfACustomerWithoutCredit() throws RestoreRefusedException {
        restoreAndReconcile();

        clock.advance(Duration.ofMinutes(30));

        assertThat(gateway.relayCommands()).filteredOn(command -> command.meterId().equals("M2")).singleElement()
                .satisfies(command -> {
                    assertThat(command.wanted()).isEqualTo(RelayState.OFF);
                    assertThat(command.status()).isEqualTo(RelayCommand.Status.CONFIRMED_BY_READ_BACK);
                });
        assertThat(gateway.meterStatus()).filteredOn(status -> status.meterId().equals("M2")).singleElement()
                .satisfies(status -> assertThat(status.relay()).isEqualTo(RelayState.OFF));
    }

    private void restoreAndReconcile() throws RestoreRefusedException {
        restoreAndReconcile(List.of());
    }

    private void restoreAndReconcile(List<PostReconciliation.BilledTo> billedTo) throws RestoreRefusedException {
        gateway.begin(new BeginRestore(RESTORE, SITE_INFO, TARIFF, TIP, TIP_HASH, 1), "S-1");
        gateway.chunk(new RestoreChunk(RESTORE, 0, List.of(account("C1", "M1", 12_500), account("C2", "M2", -400))),
                "S-1");
        gateway.finish(new FinishRestore(RESTORE), "S-1");
        gateway.readRegisters();
        gateway.post(new PostReconciliation(RESTORE, List.of(new PostReconciliation.Line("C1", EntryKind.ENERGY,
                -1_200, "gap:M1:41:energy")), null, null, billedTo), "S-1");
    }

    private static RestoreChunk.Account account(String customerId, String meterId, long balance) {
        return new RestoreChunk.Account(new Customer(customerId, "Customer " + customerId,
                CustomerCategory.HOUSEHOLD), new Meter(meterId, "SN-" + meterId, customerId, "GW-NEW001", -70),
                balance);
    }
}
