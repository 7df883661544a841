package io.gridside.link.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import io.gridside.link.testing.TestCredentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** GetHealth between a real console client and a real gateway session over a loopback socket. */
@Timeout(10)
class GatewayHealthRequestTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aSupervisorGetsTheGatewaysHealth() throws Exception {
        FakeGatewayService service = new FakeGatewayService().withHealth(SampleMessages.gatewayHealth());
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThat(client.health()).isEqualTo(SampleMessages.gatewayHealth());
        }
    }

    @Test
    void aTechnicianMayAskToo() throws Exception {
        GatewayPins pinned = GatewayPins.inMemory();
        pinned.save(new GatewayPin(SampleMessages.SITE_ID, SampleMessages.GATEWAY_ID,
                SampleMessages.GATEWAY_KEY.publicKey(), SampleMessages.CLOCK, "S-1"));
        FakeGatewayService service = new FakeGatewayService().withHealth(SampleMessages.gatewayHealth());
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(Authentication.of(TestCredentials.technician(), pinned),
                        ANSWER_TIMEOUT)) {

            assertThat(client.health().uptimeSeconds()).isEqualTo(259_200);
        }
    }

    @Test
    void aGatewayThatDoesNotMeasureItsHealthSaysSoAndTheSessionGoesOn() throws Exception {
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThatThrownBy(client::health)
                    .isInstanceOfSatisfying(LinkException.class,
                            e -> assertThat(e.code()).isEqualTo(LinkException.Code.GATEWAY_ERROR))
                    .hasMessageContaining("GATEWAY_FAULT");
            assertThat(client.site()).isEqualTo(SampleMessages.siteReply());
        }
    }
}
