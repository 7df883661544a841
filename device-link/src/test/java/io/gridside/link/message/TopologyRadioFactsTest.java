package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gridside.link.testing.SampleMessages;
import io.gridside.site.TopologySnapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each radio's firmware and traffic in a topology batch, and a peer of schema 1 on either end (section 6.25). */
class TopologyRadioFactsTest {

    private static final CBORMapper PLAIN = new CBORMapper();
    private static final List<String> SCHEMA_ONE_NODE =
            List.of("id", "latitude", "longitude", "hops", "rank", "parentId", "alternates");

    @Test
    void carriesEachRadiosFirmwareAndTrafficThere() {
        TopologySnapshot mesh = SampleMessages.topologyWithRadioFacts(3);
        TopologyBatch batch = TopologyBatch.of(mesh, mesh.items(), mesh.items().size());

        TopologyBatch decoded = (TopologyBatch) MessageCodec.decode(0x55, MessageCodec.encode(batch));

        assertThat(decoded).isEqualTo(batch);
        assertThat(decoded.nodes()).extracting(TopologySnapshot.Node::firmware)
                .containsExactly("gw-sim-2.4.1", "mtr-3.2.0", "mtr-3.1.4", "mtr-3.2.0");
        assertThat(decoded.nodes()).extracting(TopologySnapshot.Node::trafficPerHour)
                .containsExactly(120L, 120L, 80L, 40L);
    }

    @Test
    void writesARadioWithoutFactsExactlyAsSchemaOneDid() throws IOException {
        TopologySnapshot mesh = SampleMessages.topologyWithRadioFacts(2);
        TopologyBatch plain = TopologyBatch.of(mesh, mesh.items(), 5).withoutRadioFacts();

        Map<?, ?> fields = PLAIN.readValue(MessageCodec.encode(plain), Map.class);

        for (Object node : (List<?>) fields.get("nodes")) {
            assertThat(List.copyOf(((Map<?, ?>) node).keySet())).isEqualTo(SCHEMA_ONE_NODE);
        }
        assertThat(plain.nodes()).allSatisfy(node -> {
            assertThat(node.firmware()).isNull();
            assertThat(node.trafficKnown()).isFalse();
        });
    }

    @Test
    void leavesOutOnlyTheFactTheGatewayDoesNotKnow() throws IOException {
        TopologySnapshot.Node meter = SampleMessages.topology(1).nodes().get(1).withRadioFacts(null, 0);
        TopologyBatch batch = TopologyBatch.of(SampleMessages.topology(1), List.of(meter), 3);

        Map<?, ?> fields = PLAIN.readValue(MessageCodec.encode(batch), Map.class);
        Map<?, ?> node = (Map<?, ?>) ((List<?>) fields.get("nodes")).get(0);

        assertThat(node.get("trafficPerHour")).isEqualTo(0);
        assertThat(node.containsKey("firmware")).isFalse();
        assertThat(MessageCodec.decode(0x55, MessageCodec.encode(batch))).isEqualTo(batch);
    }

    @Test
    void readsTheNodesOfAGatewayOfSchemaOneAsRadiosWithoutFacts() throws IOException {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", "m-001");
        node.put("latitude", -0.3036);
        node.put("longitude", 36.0804);
        node.put("hops", 1);
        node.put("rank", 556);
        node.put("parentId", SampleMessages.GATEWAY_ID);
        node.put("alternates", List.of());
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("at", "2024-04-30T00:15:00Z");
        batch.put("gatewayId", SampleMessages.GATEWAY_ID);
        batch.put("nodes", List.of(node));
        batch.put("links", List.of());
        batch.put("total", 3);

        TopologyBatch decoded = (TopologyBatch) MessageCodec.decode(0x55, PLAIN.writeValueAsBytes(batch));

        TopologySnapshot.Node meter = decoded.nodes().get(0);
        assertThat(meter.firmware()).isNull();
        assertThat(meter.trafficPerHour()).isEqualTo(TopologySnapshot.Node.TRAFFIC_UNKNOWN);
        assertThat(meter).isEqualTo(new TopologySnapshot.Node("m-001", -0.3036, 36.0804, 1, 556,
                SampleMessages.GATEWAY_ID, List.of()));
    }

    @Test
    void refusesANodeWhoseFirmwareIsNotText() throws IOException {
        Map<String, Object> fields = PLAIN.readValue(MessageCodec.encode(SampleMessages.topologyBatchWithRadioFacts()),
                Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> node = (Map<String, Object>) ((List<?>) fields.get("nodes")).get(0);
        node.put("firmware", "mtr\u00003.2");

        assertThatThrownBy(() -> MessageCodec.decode(0x55, PLAIN.writeValueAsBytes(fields)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("firmware must be");
    }

    @Test
    void readsTheRequestOfAConsoleOfSchemaOneAsNotAskingForFacts() throws IOException {
        byte[] schemaOne = PLAIN.writeValueAsBytes(Map.of("at", "2024-04-30T00:15:00Z"));

        GetTopology decoded = (GetTopology) MessageCodec.decode(0x54, schemaOne);

        assertThat(decoded).isEqualTo(new GetTopology(Instant.parse("2024-04-30T00:15:00Z"), false));
    }

    @Test
    void asksForFactsOnlyOfAGatewayThatListsThem() {
        GetTopology asked = GetTopology.of(null, List.of("topology", GetTopology.RADIO_FACTS));

        assertThat(asked.radioFacts()).isTrue();
        assertThat(GetTopology.of(null, List.of("topology")).radioFacts()).isFalse();
        assertThat(MessageCodec.decode(0x54, MessageCodec.encode(asked))).isEqualTo(asked);
    }
}
