package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gridside.link.testing.SampleMessages;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayHealthTest {

    private static final Instant CLOCK = SampleMessages.CLOCK;

    @Test
    void travelsWithNullSignalAndNullClockOffset() {
        GatewayHealth down = new GatewayHealth(12, 80, 1_024, 2_048, 0, 0, GatewayHealth.Backhaul.DOWN, null,
                null, CLOCK, List.of());

        GatewayHealth decoded = (GatewayHealth) MessageCodec.decode(0x53, MessageCodec.encode(down));

        assertThat(decoded).isEqualTo(down);
        assertThat(decoded.signalDbm()).isNull();
        assertThat(decoded.clockOffsetMillis()).isNull();
    }

    @Test
    void refusesASignalForABackhaulThatIsNotUp() {
        assertThatThrownBy(() -> new GatewayHealth(12, 80, 1_024, 2_048, 0, 0, GatewayHealth.Backhaul.DOWN, -90,
                null, CLOCK, List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOWN");
    }

    @Test
    void refusesMoreMemoryUsedThanThereIs() {
        assertThatThrownBy(() -> new GatewayHealth(12, 80, 4_096, 2_048, 0, 0, GatewayHealth.Backhaul.UP, -90, null,
                CLOCK, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBackhaulStateOutsideTheSchemaIsMalformed() {
        // The same fields as a valid answer, with the backhaul's "UP" turned into a state no gateway reports.
        byte[] payload = MessageCodec.encode(SampleMessages.gatewayHealth());
        byte[] broken = new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1).replace("UP", "DO")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> MessageCodec.decode(0x53, broken)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void travelsWithItsQuarterHoursOfTraffic() {
        GatewayHealth health = SampleMessages.gatewayHealth();

        GatewayHealth decoded = (GatewayHealth) MessageCodec.decode(0x53, MessageCodec.encode(health));

        assertThat(decoded).isEqualTo(health);
        assertThat(decoded.meshQueueDepth()).isEqualTo(37);
        assertThat(decoded.traffic()).singleElement().satisfies(quarter -> {
            assertThat(quarter.burstPer10s()).isEqualTo(31);
            assertThat(quarter.deepestMeshNode()).isEqualTo("m-007");
        });
    }

    /** The fields of schema 1, which consoles built before the traffic fields read a GatewayHealth into. */
    private record SchemaOneHealth(long uptimeSeconds, int loadPerMille, long memoryUsedKib, long memoryTotalKib,
            int intakeQueueDepth, GatewayHealth.Backhaul backhaul, Integer signalDbm, Long clockOffsetMillis,
            Instant clock) {
    }

    @Test
    void aSchemaOneReaderTakesASchemaTwoReportAndIgnoresWhatItAdded() throws Exception {
        GatewayHealth health = SampleMessages.gatewayHealth();

        SchemaOneHealth old = MessageCodec.read(MessageCodec.encode(health), SchemaOneHealth.class);

        assertThat(old).isEqualTo(new SchemaOneHealth(health.uptimeSeconds(), health.loadPerMille(),
                health.memoryUsedKib(), health.memoryTotalKib(), health.intakeQueueDepth(), health.backhaul(),
                health.signalDbm(), health.clockOffsetMillis(), health.clock()));
    }

    @Test
    void aSchemaOneReportLacksTheTrafficFieldsSoIsMalformed() throws Exception {
        byte[] schemaOne = CBORMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()
                .writeValueAsBytes(new SchemaOneHealth(12, 80, 1_024, 2_048, 0, GatewayHealth.Backhaul.UP, -80, 5L,
                        CLOCK));

        assertThatThrownBy(() -> MessageCodec.decode(0x53, schemaOne)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("meshQueueDepth");
    }

    @Test
    void refusesMoreQuarterHoursOfTrafficThanAReportCarries() {
        List<GatewayHealth.Traffic> nine = Collections.nCopies(GatewayHealth.MAX_TRAFFIC + 1,
                SampleMessages.quarterHourTraffic());

        assertThatThrownBy(() -> new GatewayHealth(12, 80, 1_024, 2_048, 0, 0, GatewayHealth.Backhaul.DOWN, null,
                null, CLOCK, nine)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 8");
    }

    @Test
    void refusesATrafficCountBelowZero() {
        assertThatThrownBy(() -> new GatewayHealth.Traffic(CLOCK, 10, 10, 3, 1, 1, "m-001", -1, 0, 0, 0, 5, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
