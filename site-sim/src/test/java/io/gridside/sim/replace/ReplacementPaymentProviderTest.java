package io.gridside.sim.replace;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.auth.SigningKey;
import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.FinishRestore;
import io.gridside.link.message.PostReconciliation;
import io.gridside.link.message.RegistersRead;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.server.RestoreRefusedException;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.SimClock;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.TopUp;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.LedgerChain;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The payment provider sends the replacement, once it bills, what customers paid from its mounting on: each payment
 * once, those paid before it billed dated as they arrive, and none the reconciliation credited already.
 */
class ReplacementPaymentProviderTest {

    /** When the gateway died and its replacement was mounted. */
    private static final Instant DIED = Instant.parse("2026-06-03T09:07:00Z");
    private static final String SITE = "site-kisima";
    private static final String RESTORE = SITE + ":41";
    private static final SiteInfo SITE_INFO = new SiteInfo(SITE, "Kisima", "KES", ZoneId.of("Africa/Nairobi"));
    private static final ByteString TIP = ByteString.of(LedgerChain.link(LedgerChain.genesis(),
            new LedgerEntry(1, DIED, "C1", EntryKind.OPENING, 500, 500, "opening")));
    /** Paid before the gateway died, which it took: the provider was paid and sends nothing again. */
    private static final TopUp BEFORE = new TopUp("MP-0", "C1", 700, DIED.minus(Duration.ofHours(1)));
    private static final TopUp WHILE_DEAD = new TopUp("MP-1", "C2", 2_000, DIED.plus(Duration.ofMinutes(10)));
    /** Paid while dead and entered by the technician, so the reconciliation credits it. */
    private static final TopUp ENTERED = new TopUp("MP-3", "C2", 1_000, DIED.plus(Duration.ofMinutes(30)));
    /** The reconciliation's time: two hours after the death. */
    private static final Instant RECONCILED = DIED.plus(Duration.ofHours(2));
    private static final TopUp AFTER = new TopUp("MP-4", "C1", 300, RECONCILED.plus(Duration.ofMinutes(13)));

    private final SimClock.Manual clock = SimClock.manual(DIED);
    private final ReplacementGateway gateway = new ReplacementGateway(SITE, "GW-NEW001",
            SigningKey.fromSeed(ByteString.fromHex("5a".repeat(32))), DemoOperator.trusted(), clock,
            (meterId, at) -> Optional.of(new RegistersRead.Register(meterId, 48_000, at.minusSeconds(420))),
            (since, to) -> List.of(BEFORE, WHILE_DEAD, ENTERED, AFTER).stream()
                    .filter(p -> !p.at().isBefore(since) && !p.at().isAfter(to)).toList());

    @Test
    void creditsWhatWasPaidWhileNoGatewayBilledOnceAndWhatIsPaidLaterAtItsTime() throws RestoreRefusedException {
        clock.advance(Duration.between(DIED, RECONCILED));
        restoreAndReconcile();
        clock.advance(Duration.ofMinutes(40));

        List<LedgerEntry> topUps = gateway.ledgerAfter(0).stream().filter(e -> e.kind() == EntryKind.TOP_UP)
                .toList();

        assertThat(topUps).extracting(LedgerEntry::reference)
                .containsExactlyInAnyOrder("payment:MP-1", "payment:MP-3", "payment:MP-4");
        assertThat(topUps).filteredOn(e -> e.reference().equals("payment:MP-1")).singleElement()
                .extracting(LedgerEntry::at).isEqualTo(RECONCILED.plusSeconds(1));
        assertThat(topUps).filteredOn(e -> e.reference().equals("payment:MP-4")).singleElement()
                .extracting(LedgerEntry::at).isEqualTo(AFTER.at());
        assertThat(gateway.importedPayments()).isEmpty();
    }

    @Test
    void aGatewayWhoseSiteHasNoProviderCreditsOnlyWhatTheReconciliationCarries() throws RestoreRefusedException {
        ReplacementGateway plain = new ReplacementGateway(SITE, "GW-NEW002",
                SigningKey.fromSeed(ByteString.fromHex("5b".repeat(32))), DemoOperator.trusted(), clock,
                (meterId, at) -> Optional.empty());
        clock.advance(Duration.between(DIED, RECONCILED));
        restoreAndReconcile(plain);
        clock.advance(Duration.ofMinutes(40));

        assertThat(plain.ledgerAfter(0)).filteredOn(e -> e.kind() == EntryKind.TOP_UP)
                .extracting(LedgerEntry::reference).containsExactly("payment:MP-3");
    }

    private void restoreAndReconcile() throws RestoreRefusedException {
        restoreAndReconcile(gateway);
    }

    private static void restoreAndReconcile(ReplacementGateway on) throws RestoreRefusedException {
        on.begin(new BeginRestore(RESTORE, SITE_INFO, new Tariff("flat", "KES", 2_500, 1_000, 5_000),
                new LedgerEntry(41, DIED.minusSeconds(900), "C1", EntryKind.ENERGY, -30, 12_500, "day:2026-06-02"),
                TIP, 2), "S-1");
        on.chunk(chunk(0, "C1", "M1", 12_500), "S-1");
        on.chunk(chunk(1, "C2", "M2", -400), "S-1");
        assertThat(on.finish(new FinishRestore(RESTORE), "S-1").applied()).isTrue();
        on.readRegisters();
        on.post(new PostReconciliation(RESTORE, List.of(
                new PostReconciliation.Line("C2", EntryKind.TOP_UP, ENTERED.amountMinor(), "payment:MP-3"))), "S-1");
    }

    private static RestoreChunk chunk(int index, String customerId, String meterId, long balance) {
        return new RestoreChunk(RESTORE, index, List.of(new RestoreChunk.Account(
                new Customer(customerId, "Customer " + customerId, CustomerCategory.HOUSEHOLD),
                new Meter(meterId, "SN-" + meterId, customerId, "GW-NEW001", -70), balance)));
    }
}
