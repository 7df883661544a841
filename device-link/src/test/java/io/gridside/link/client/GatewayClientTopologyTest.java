package io.gridside.link.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.message.GetTopology;
import io.gridside.link.message.MessageCodec;
import io.gridside.link.message.TopologyBatch;
import io.gridside.link.testing.FakeGatewayService;
import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.ScriptedPeer;
import io.gridside.site.TopologySnapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pulling the mesh topology from a gateway session over a loopback socket. */
@Timeout(20)
class GatewayClientTopologyTest {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);

    @Test
    void pullsAMeshTooLargeForOneFrameWhole() throws Exception {
        TopologySnapshot mesh = SampleMessages.topology(400);
        assertThat(MessageCodec.encode(TopologyBatch.of(mesh, mesh.items(), 799)).length)
                .isGreaterThan(io.gridside.link.frame.Frame.MAX_PAYLOAD);
        FakeGatewayService service = new FakeGatewayService().withTopology(mesh);
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            TopologySnapshot pulled = client.topology(mesh.at());

            assertThat(pulled).isEqualTo(mesh);
            assertThat(service.topologyAskedFor()).containsExactly(mesh.at());
        }
    }

    @Test
    void asksForTheMeshAsItStandsNowWithoutATime() throws Exception {
        TopologySnapshot mesh = SampleMessages.topology(3);
        FakeGatewayService service = new FakeGatewayService().withTopology(mesh);
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThat(client.topology(null)).isEqualTo(mesh);
            assertThat(service.topologyAskedFor()).containsExactly(Instant.EPOCH);
        }
    }

    @Test
    void learnsTheTimeAndGatewayOfAnEmptyMesh() throws Exception {
        Instant at = SampleMessages.CLOCK.minusSeconds(3_600);
        try (ScriptedPeer gateway = ScriptedPeer.serving(new FakeGatewayService());
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            TopologySnapshot pulled = client.topology(at);

            assertThat(pulled).isEqualTo(TopologySnapshot.empty(at, SampleMessages.GATEWAY_ID));
        }
    }

    @Test
    void failsWithTheGatewaysCodeForATimeOutsideItsHistory() throws Exception {
        TopologySnapshot mesh = SampleMessages.topology(3);
        FakeGatewayService service = new FakeGatewayService().withTopology(mesh);
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThatThrownBy(() -> client.topology(mesh.at().plusSeconds(3_600)))
                    .isInstanceOf(LinkException.class)
                    .hasMessageContaining("TOPOLOGY_OUT_OF_RANGE")
                    .satisfies(e -> {
                        assertThat(((LinkException) e).code()).isEqualTo(LinkException.Code.GATEWAY_ERROR);
                        assertThat(((LinkException) e).gatewayCode()).isEqualTo("TOPOLOGY_OUT_OF_RANGE");
                    });
            assertThat(client.topology(mesh.at())).isEqualTo(mesh);
        }
    }

    @Test
    void pullsEachRadiosFirmwareAndTrafficFromAGatewayThatListsRadioFacts() throws Exception {
        TopologySnapshot mesh = SampleMessages.topologyWithRadioFacts(3);
        FakeGatewayService service = new FakeGatewayService().withTopology(mesh)
                .withCapabilities(GetTopology.RADIO_FACTS);
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            assertThat(client.topology(mesh.at())).isEqualTo(mesh);
        }
    }

    @Test
    void asksAGatewayWithoutRadioFactsTheOldWayAndReadsItsRadiosAsUnknown() throws Exception {
        TopologySnapshot mesh = SampleMessages.topologyWithRadioFacts(3);
        FakeGatewayService service = new FakeGatewayService().withTopology(mesh);
        try (ScriptedPeer gateway = ScriptedPeer.serving(service);
                GatewayClient client = gateway.openClient(ANSWER_TIMEOUT)) {

            TopologySnapshot pulled = client.topology(mesh.at());

            assertThat(pulled).isEqualTo(SampleMessages.topology(3));
            assertThat(pulled.nodes()).allSatisfy(node -> assertThat(node.trafficKnown()).isFalse());
        }
    }
}
