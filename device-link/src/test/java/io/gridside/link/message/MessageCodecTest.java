package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.gridside.link.testing.ReplacementSamples;
import io.gridside.link.testing.SampleMessages;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {

    /** A plain CBOR reader that knows nothing of the message types, to see the payload as a peer would. */
    private static final CBORMapper PLAIN = new CBORMapper();

    /**
     * Fields a type's sample leaves out because another of its fields carries the same in another form: a
     * BeginRestore carries its configuration in itself or in parts, never both (section 6.39).
     */
    private static final Map<Class<?>, Set<String>> IN_ANOTHER_FORM = Map.of(
            BeginRestore.class, Set.of("configParts", "configDigest"));

    static Stream<MessageCatalogue.Entry> catalogue() {
        return MessageCatalogue.entries().stream();
    }

    @Test
    void hasASampleForEveryCatalogueEntry() {
        List<String> missing = MessageCatalogue.entries().stream()
                .filter(entry -> !SampleMessages.byType().containsKey(entry.type()))
                .map(entry -> entry.type().getSimpleName())
                .toList();

        assertThat(missing).as("message types without a sample in SampleMessages").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void decodesWhatItEncodedForEveryMessageType(MessageCatalogue.Entry entry) {
        Message sample = sampleOf(entry);

        byte[] payload = MessageCodec.encode(sample);

        assertThat(MessageCatalogue.codeOf(sample)).isEqualTo(entry.code());
        assertThat(MessageCodec.decode(entry.code(), payload)).isEqualTo(sample);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void encodesEachMessageAsAMapKeyedByItsFieldNames(MessageCatalogue.Entry entry) throws IOException {
        byte[] payload = MessageCodec.encode(sampleOf(entry));

        Map<String, Object> fields = PLAIN.readValue(payload, new TypeReference<LinkedHashMap<String, Object>>() {
        });

        List<String> names = Arrays.stream(entry.type().getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !IN_ANOTHER_FORM.getOrDefault(entry.type(), Set.of()).contains(name)).toList();
        assertThat(fields.keySet()).containsExactlyElementsOf(names);
    }

    @Test
    void encodesABeginWhoseConfigurationTravelsInPartsWithThePartsAndDigestInPlaceOfTheConfiguration()
            throws IOException {
        byte[] payload = MessageCodec.encode(ReplacementSamples.beginInParts());

        Map<String, Object> fields = PLAIN.readValue(payload, new TypeReference<LinkedHashMap<String, Object>>() {
        });

        assertThat(fields.keySet()).containsExactly("restoreId", "site", "tariff", "tip", "tipHash", "chunkCount",
                "configParts", "configDigest");
        assertThat(MessageCodec.decode(0xA0, payload)).isEqualTo(ReplacementSamples.beginInParts());
    }

    @Test
    void writesInstantsAsIsoUtcText() throws IOException {
        byte[] payload = MessageCodec.encode(new Pong(7, SampleMessages.CLOCK));

        Map<String, Object> fields = PLAIN.readValue(payload, new TypeReference<Map<String, Object>>() {
        });

        assertThat(fields).containsEntry("clock", "2024-05-01T08:30:00Z").containsEntry("nonce", 7);
    }

    @Test
    void ignoresFieldsAddedByANewerPeer() throws IOException {
        byte[] payload = PLAIN.writeValueAsBytes(Map.of("nonce", 9, "hops", 3));

        assertThat(MessageCodec.decode(0x04, payload)).isEqualTo(new Ping(9));
    }

    @Test
    void carriesAReadingsVoltageAndPeakPowerAndNullForAMeterThatReportsNone() throws IOException {
        ReadingsBatch batch = new ReadingsBatch(SampleMessages.readings(2), 2);

        byte[] payload = MessageCodec.encode(batch);

        Map<String, Object> fields = PLAIN.readValue(payload, new TypeReference<Map<String, Object>>() {
        });
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> readings = (List<Map<String, Object>>) fields.get("readings");
        assertThat(readings.get(0)).containsEntry("quality", Map.of("minDecivolts", 2_118,
                "averageDecivolts", 2_231, "maxDecivolts", 2_296, "peakWatts", 60));
        assertThat(readings.get(1)).containsEntry("quality", null);
        assertThat(MessageCodec.decode(0x21, payload)).isEqualTo(batch);
    }

    @Test
    void refusesAReadingOfSchemaOneWithoutItsQualityField() throws IOException {
        Map<String, Object> reading = Map.of("meterId", "m-001", "intervalStart", "2024-05-01T00:00:00Z",
                "energyWh", 10, "registerWh", 1_000);
        byte[] payload = PLAIN.writeValueAsBytes(Map.of("readings", List.of(reading), "total", 1));

        assertThatThrownBy(() -> MessageCodec.decode(0x21, payload))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("quality");
    }

    @Test
    void readsAGetReadingsOfSchemaOneWithoutItsMeterAsAskingForEveryMeter() throws IOException {
        byte[] payload = PLAIN.writeValueAsBytes(Map.of("from", "2024-05-01T00:00:00Z", "to", "2024-05-01T06:00:00Z"));

        GetReadings get = (GetReadings) MessageCodec.decode(0x20, payload);

        assertThat(get).isEqualTo(new GetReadings(Instant.parse("2024-05-01T00:00:00Z"),
                Instant.parse("2024-05-01T06:00:00Z"), null));
    }

    @Test
    void carriesTheOneMeterAGetReadingsAsksForAndNullForEveryMeter() throws IOException {
        GetReadings one = new GetReadings(SampleMessages.CLOCK, SampleMessages.CLOCK.plusSeconds(900), "m-001");
        GetReadings every = new GetReadings(SampleMessages.CLOCK, SampleMessages.CLOCK.plusSeconds(900));

        Map<String, Object> oneFields = PLAIN.readValue(MessageCodec.encode(one),
                new TypeReference<Map<String, Object>>() {
                });
        Map<String, Object> everyFields = PLAIN.readValue(MessageCodec.encode(every),
                new TypeReference<Map<String, Object>>() {
                });

        assertThat(oneFields).containsEntry("meterId", "m-001");
        assertThat(everyFields).containsEntry("meterId", null);
        assertThat(MessageCodec.decode(0x20, MessageCodec.encode(one))).isEqualTo(one);
        assertThat(MessageCodec.decode(0x20, MessageCodec.encode(every))).isEqualTo(every);
    }

    @Test
    void refusesAReadingWhoseVoltagesAreOutOfOrder() throws IOException {
        Map<String, Object> quality = Map.of("minDecivolts", 2_300, "averageDecivolts", 2_231, "maxDecivolts", 2_296,
                "peakWatts", 60);
        Map<String, Object> reading = new LinkedHashMap<>(Map.of("meterId", "m-001",
                "intervalStart", "2024-05-01T00:00:00Z", "energyWh", 10, "registerWh", 1_000));
        reading.put("quality", quality);
        byte[] payload = PLAIN.writeValueAsBytes(Map.of("readings", List.of(reading), "total", 1));

        assertThatThrownBy(() -> MessageCodec.decode(0x21, payload))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("voltages must satisfy");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x08, 0x3f, 0xFF})
    void rejectsAnUnknownWireCode(int code) {
        byte[] payload = MessageCodec.encode(new Ping(1));

        assertThatThrownBy(() -> MessageCodec.decode(code, payload))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(String.format("0x%02x", code));
    }

    static Stream<Arguments> offSchemaPayloads() throws IOException {
        byte[] garbage = new byte[64];
        new Random(13).nextBytes(garbage);
        byte[] helloReply = MessageCodec.encode(SampleMessages.helloReply());
        Map<String, Object> offQuarterReading = Map.of("meterId", "m-001", "intervalStart", "2024-04-30T00:07:00Z",
                "energyWh", 1, "registerWh", 2);
        return Stream.of(
                Arguments.of("an empty payload", 0x10, new byte[0]),
                Arguments.of("text instead of a map", 0x04, PLAIN.writeValueAsBytes("ping")),
                Arguments.of("a nonce that is text", 0x04, PLAIN.writeValueAsBytes(Map.of("nonce", "abc"))),
                Arguments.of("a missing number", 0x04, PLAIN.writeValueAsBytes(Map.of())),
                Arguments.of("a missing list", 0x01, PLAIN.writeValueAsBytes(Map.of("console", "x"))),
                Arguments.of("missing text and instants", 0x02,
                        PLAIN.writeValueAsBytes(Map.of("protocolVersion", 1, "capabilities", List.of()))),
                Arguments.of("a missing instant", 0x05, PLAIN.writeValueAsBytes(Map.of("nonce", 1))),
                Arguments.of("an instant that is not one", 0x05,
                        PLAIN.writeValueAsBytes(Map.of("nonce", 1, "clock", "yesterday"))),
                Arguments.of("a reading the domain refuses", 0x21, PLAIN.writeValueAsBytes(
                        Map.of("readings", List.of(offQuarterReading), "total", 1))),
                Arguments.of("readings asked for without their start", 0x20,
                        PLAIN.writeValueAsBytes(Map.of("to", "2024-05-01T06:00:00Z"))),
                Arguments.of("readings asked for with a meter that is a number", 0x20, PLAIN.writeValueAsBytes(
                        Map.of("from", "2024-05-01T00:00:00Z", "to", "2024-05-01T06:00:00Z", "meterId", 7))),
                Arguments.of("readings asked for from a time that is not one", 0x20,
                        PLAIN.writeValueAsBytes(Map.of("from", "dawn", "to", "2024-05-01T06:00:00Z"))),
                Arguments.of("a truncated payload", 0x02, Arrays.copyOf(helloReply, helloReply.length / 2)),
                Arguments.of("random bytes", 0x13, garbage),
                Arguments.of("a lone CBOR break", 0x07, HexFormat.of().parseHex("ff")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offSchemaPayloads")
    void rejectsAPayloadOffItsSchema(String what, int code, byte[] payload) {
        assertThatThrownBy(() -> MessageCodec.decode(code, payload))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(MessageCatalogue.byCode(code).type().getSimpleName());
    }

    private static Message sampleOf(MessageCatalogue.Entry entry) {
        Message sample = SampleMessages.byType().get(entry.type());
        assertThat(sample).as("a sample %s in SampleMessages", entry.type().getSimpleName()).isNotNull();
        return sample;
    }
}
