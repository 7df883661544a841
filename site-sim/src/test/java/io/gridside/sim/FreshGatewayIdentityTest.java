package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A factory-fresh gateway is another box than the demo gateway of the same seed, and keeps its identity. */
class FreshGatewayIdentityTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");
    private static final SiteSpec SPEC = new SiteSpec(SiteSpec.DEFAULT_METERS, SiteSpec.DEFAULT_SEED, 0, NOW);

    @Test
    void showsAKeyAndIdOfItsOwnOnTheDemosSeed() {
        try (FreshGateway fresh = new FreshGateway(SPEC, SimClock.manual(NOW))) {
            assertThat(fresh.identityKey().publicKey())
                    .isNotEqualTo(SimulatedGateway.identityKeyFor(SPEC).publicKey());
            assertThat(fresh.profile().gatewayId()).startsWith("GW-")
                    .isNotEqualTo(SiteGenerator.generate(SPEC).gatewayId());
        }
    }

    @Test
    void keepsItsKeyAndIdWhenStartedAgain() {
        try (FreshGateway first = new FreshGateway(SPEC, SimClock.manual(NOW));
                FreshGateway again = new FreshGateway(SPEC, SimClock.manual(NOW.plusSeconds(60)))) {
            assertThat(again.identityKey().publicKey()).isEqualTo(first.identityKey().publicKey());
            assertThat(again.profile().gatewayId()).isEqualTo(first.profile().gatewayId());
        }
    }
}
