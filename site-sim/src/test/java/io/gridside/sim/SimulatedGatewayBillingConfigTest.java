package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.billing.BillingEngine;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.Reconciliation;
import io.gridside.billing.Replay;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.tariff.TariffSchedule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A simulated gateway bills with the configuration it serves, and a replay holding that configuration agrees. */
class SimulatedGatewayBillingConfigTest {

    private static final Instant NOW = Instant.parse("2026-06-03T21:07:00Z");

    private static SimulatedGateway gateway(SimBilling billing) {
        return new SimulatedGateway(new SiteSpec(40, 13, 3, NOW).withBilling(billing), SimClock.manual(NOW));
    }

    @Test
    void aFlatSiteServesTheFlatTariffUnderPlainTerms() {
        SimulatedGateway gateway = gateway(SimBilling.FLAT);

        BillingConfig config = BillingConfigDocument.decode(gateway.billingConfig());

        assertThat(config.schedule()).isEqualTo(TariffSchedule.flat(gateway.layout().tariff()));
        assertThat(config.terms()).isEqualTo(CreditTerms.PLAIN);
    }

    @Test
    void aRealisticSiteIsReplayedEntryForEntryWithTheConfigurationItServes() {
        SimulatedGateway gateway = gateway(SimBilling.REALISTIC);
        List<LedgerEntry> ledger = gateway.ledgerAfter(0);
        BillingConfig config = BillingConfigDocument.decode(gateway.billingConfig());

        BillingEngine replay = Replay.run(gateway.layout().tariff(), config.rater(gateway.layout().site().zone()),
                config.terms(), gateway.layout().meters(), ledger, gateway.readings(Instant.EPOCH, NOW));

        assertThat(config.terms().neverDisconnect()).hasSize(2);
        assertThat(config.terms().debts()).isNotEmpty();
        assertThat(ledger).anyMatch(e -> e.kind() == EntryKind.TAX);
        assertThat(Reconciliation.of(ledger, replay).agrees()).isTrue();
    }

    @Test
    void aRealisticSiteIsNotReplayedAtTheFlatTariff() {
        SimulatedGateway gateway = gateway(SimBilling.REALISTIC);
        List<LedgerEntry> ledger = gateway.ledgerAfter(0);

        BillingEngine flat = Replay.run(gateway.layout().tariff(), gateway.layout().site().zone(),
                gateway.layout().meters(), ledger, gateway.readings(Instant.EPOCH, NOW));

        assertThat(Reconciliation.of(ledger, flat).agrees()).isFalse();
    }
}
