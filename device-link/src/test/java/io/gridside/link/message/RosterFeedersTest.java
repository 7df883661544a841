package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gridside.link.testing.SampleMessages;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each meter's feeder in a roster batch, and a peer of schema 1 on either end (section 6.26). */
class RosterFeedersTest {

    private static final CBORMapper PLAIN = new CBORMapper();

    @Test
    void carriesEachMetersFeederThere() {
        RosterBatch batch = new RosterBatch(SampleMessages.rosterWithFeeders(), 2);

        RosterBatch decoded = (RosterBatch) MessageCodec.decode(0x15, MessageCodec.encode(batch));

        assertThat(decoded).isEqualTo(batch);
        assertThat(decoded.entries()).extracting(RosterBatch.Entry::feeder).containsExactly("F1", "F2");
    }

    @Test
    void writesAnEntryWithoutAFeederExactlyAsSchemaOneDid() throws IOException {
        RosterBatch plain = new RosterBatch(SampleMessages.rosterWithFeeders(), 2).withoutFeeders();

        Map<?, ?> fields = PLAIN.readValue(MessageCodec.encode(plain), Map.class);

        for (Object entry : (List<?>) fields.get("entries")) {
            assertThat(((Map<?, ?>) entry).keySet().stream().map(String::valueOf).toList())
                    .containsExactly("customer", "meter");
        }
        assertThat(MessageCodec.encode(plain)).isEqualTo(MessageCodec.encode(new RosterBatch(
                SampleMessages.roster(), 2)));
    }

    @Test
    void readsTheEntriesOfAGatewayOfSchemaOneAsMetersWithoutFeeders() throws IOException {
        Map<String, Object> fields = PLAIN.readValue(MessageCodec.encode(new RosterBatch(SampleMessages.roster(), 2)),
                Map.class);

        RosterBatch decoded = (RosterBatch) MessageCodec.decode(0x15, PLAIN.writeValueAsBytes(fields));

        assertThat(decoded.entries()).extracting(RosterBatch.Entry::feeder).containsOnlyNulls();
        assertThat(decoded).isEqualTo(new RosterBatch(SampleMessages.roster(), 2));
    }

    @Test
    void refusesAFeederThatIsNotAName() throws IOException {
        Map<String, Object> fields = PLAIN.readValue(MessageCodec.encode(SampleMessages.rosterBatchWithFeeders()),
                Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) ((List<?>) fields.get("entries")).get(0);
        entry.put("feeder", " F1");

        assertThatThrownBy(() -> MessageCodec.decode(0x15, PLAIN.writeValueAsBytes(fields)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("feeder must be");
    }

    @Test
    void refusesAnEntryWithoutItsMeter() throws IOException {
        Map<String, Object> fields = PLAIN.readValue(MessageCodec.encode(SampleMessages.rosterBatchWithFeeders()),
                Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) ((List<?>) fields.get("entries")).get(0);
        entry.remove("meter");

        assertThatThrownBy(() -> MessageCodec.decode(0x15, PLAIN.writeValueAsBytes(fields)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("meter");
    }

    @Test
    void readsTheRequestOfAConsoleOfSchemaOneAsNotAskingForFeeders() throws IOException {
        byte[] schemaOne = PLAIN.writeValueAsBytes(new LinkedHashMap<String, Object>());

        assertThat(MessageCodec.decode(0x14, schemaOne)).isEqualTo(new GetRoster(false));
    }

    @Test
    void asksForFeedersOnlyOfAGatewayThatListsThem() {
        GetRoster asked = GetRoster.of(List.of("site", GetRoster.FEEDERS));

        assertThat(asked.feeders()).isTrue();
        assertThat(GetRoster.of(List.of("site")).feeders()).isFalse();
        assertThat(MessageCodec.decode(0x14, MessageCodec.encode(asked))).isEqualTo(asked);
    }
}
