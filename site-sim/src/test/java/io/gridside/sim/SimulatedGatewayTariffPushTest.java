package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.PushTariff;
import io.gridside.link.message.TariffPushed;
import io.gridside.link.server.TariffPushRefusedException;
import io.gridside.sim.scenario.Scenario;
import io.gridside.site.MeterStatus;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.TariffFile;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated gateway takes a tariff version pushed late: its billing configuration says so, it keeps the push
 * among the commands it resumes from, and it refuses a version it cannot take with the rule's code.
 */
class SimulatedGatewayTariffPushTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(8, 5, 2, NOW);
    /** Yesterday's start in Nairobi. */
    private static final LocalDateTime YESTERDAY = LocalDateTime.parse("2026-06-02T00:00");

    @TempDir
    Path directory;

    @Test
    void addsTheVersionToItsConfigurationAndResumesToTheSameLedger() throws Exception {
        SimClock.Manual clock = SimClock.manual(NOW);
        byte[] pushedDocument;
        TariffPushed pushed;
        List<io.gridside.site.LedgerEntry> before;
        try (SimulatedGateway first = gateway(clock)) {
            byte[] original = first.billingConfig();
            clock.advance(Duration.ofHours(1));
            pushed = first.pushTariff(push(first, 2, 4_200, YESTERDAY), "demo-supervisor");
            clock.advance(Duration.ofHours(2));
            first.advance();
            pushedDocument = first.billingConfig();
            before = first.ledgerAfter(0);
            assertThat(pushedDocument).isNotEqualTo(original);
        }
        assertThat(pushed.posted()).isNotEmpty();
        assertThat(pushed.configDigest().toByteArray()).isEqualTo(BillingConfigDocument.digest(pushedDocument));
        BillingConfig config = BillingConfigDocument.decode(pushedDocument);
        assertThat(config.schedule().versions()).hasSize(2);
        assertThat(config.pushed()).singleElement().satisfies(p -> {
            assertThat(p.versionNumber()).isEqualTo(2);
            assertThat(p.knownAt()).isEqualTo(pushed.knownAt());
        });

        GatewayResume.Resumed resumed = GatewayResume.resumed(directory, SPEC);
        try (SimulatedGateway second = gateway(SimClock.manual(resumed.clock()))) {
            assertThat(second.ledgerAfter(0)).isEqualTo(before);
            assertThat(Arrays.equals(second.billingConfig(), pushedDocument)).isTrue();
            TariffPushed again = second.pushTariff(push(second, 2, 4_200, YESTERDAY), "demo-supervisor");
            assertThat(again.repeated()).isTrue();
            assertThat(again.posted()).isEmpty();
            assertThat(second.ledgerAfter(0)).isEqualTo(before);
        }
    }

    @Test
    void refusesAVersionThatFailsValidationNamingItsField() {
        try (SimulatedGateway gateway = gateway(SimClock.manual(NOW))) {
            assertThatThrownBy(() -> gateway.pushTariff(push(gateway, 2, -5, YESTERDAY), "S"))
                    .isInstanceOf(TariffPushRefusedException.class)
                    .hasMessageContaining("versions[1].blocks[0].price")
                    .extracting(e -> ((TariffPushRefusedException) e).code()).isEqualTo("TARIFF_INVALID");
            assertThatThrownBy(() -> gateway.pushTariff(new PushTariff(2, "{\"tariffId\": 3}"), "S"))
                    .isInstanceOf(TariffPushRefusedException.class)
                    .extracting(e -> ((TariffPushRefusedException) e).code()).isEqualTo("TARIFF_INVALID");
        }
    }

    @Test
    void refusesWhileTheLedgerMovedSinceItsTickThenReratesTheExchangedAccountAcrossBothMeters() throws Exception {
        SimClock.Manual clock = SimClock.manual(NOW);
        List<io.gridside.site.LedgerEntry> before;
        try (SimulatedGateway gateway = gateway(clock)) {
            MeterStatus third = gateway.meterStatus().get(2);
            gateway.exchangeMeter(new ExchangeMeter(third.meterId(), "MX-0001", third.registerWh() + 20, 0, "dead"),
                    "T-0042");
            assertThat(code(gateway, push(gateway, 2, 4_200, YESTERDAY))).isEqualTo("TARIFF_PUSH_BUSY");

            clock.advance(Duration.ofMinutes(30));
            TariffPushed pushed = gateway.pushTariff(push(gateway, 2, 4_200, YESTERDAY), "S");
            String customer = gateway.roster().stream().filter(e -> e.meter().meterId().equals("MX-0001"))
                    .findFirst().orElseThrow().meter().customerId();
            // The exchanged customer's days before and after the exchange both moved to the new price.
            assertThat(pushed.posted()).filteredOn(e -> e.customerId().equals(customer)).isNotEmpty();
            assertThat(BillingConfigDocument.decode(gateway.billingConfig()).pushed()).hasSize(1);
            clock.advance(Duration.ofHours(1));
            gateway.advance();
            before = gateway.ledgerAfter(0);
        }
        GatewayResume.Resumed resumed = GatewayResume.resumed(directory, SPEC);
        try (SimulatedGateway second = gateway(SimClock.manual(resumed.clock()))) {
            assertThat(second.ledgerAfter(0)).isEqualTo(before);
        }
    }

    private static String code(SimulatedGateway gateway, PushTariff request) {
        try {
            gateway.pushTariff(request, "S");
            return "taken";
        } catch (TariffPushRefusedException e) {
            return e.code();
        }
    }

    /** Version {@code number} of the site's flat tariff at {@code minorPerKwh} a kWh from {@code from}. */
    private static PushTariff push(SimulatedGateway gateway, int number, long minorPerKwh, LocalDateTime from) {
        Tariff flat = gateway.site().tariff();
        TariffVersion first = TariffSchedule.flat(flat).versions().get(0);
        TariffVersion version = new TariffVersion(from, flat.currency(), List.of(new Block(null,
                minorPerKwh * Prices.ofMinorPerKwh(1), false)), null, List.of(), first.standing(), null, List.of(),
                null);
        return new PushTariff(number, TariffFile.write(new TariffSchedule(flat.tariffId(), flat.currency(),
                List.of(version))));
    }

    private SimulatedGateway gateway(SimClock clock) {
        return new SimulatedGateway(SPEC, clock, DemoOperator.trusted(), SimulatedGateway.identityKeyFor(SPEC),
                Scenario.NONE, directory);
    }
}
