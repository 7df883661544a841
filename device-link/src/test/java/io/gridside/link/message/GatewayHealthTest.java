package io.gridside.link.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.testing.SampleMessages;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayHealthTest {

    private static final Instant CLOCK = SampleMessages.CLOCK;

    @Test
    void travelsWithNullSignalAndNullClockOffset() {
        GatewayHealth down = new GatewayHealth(12, 80, 1_024, 2_048, 0, GatewayHealth.Backhaul.DOWN, null, null,
                CLOCK);

        GatewayHealth decoded = (GatewayHealth) MessageCodec.decode(0x53, MessageCodec.encode(down));

        assertThat(decoded).isEqualTo(down);
        assertThat(decoded.signalDbm()).isNull();
        assertThat(decoded.clockOffsetMillis()).isNull();
    }

    @Test
    void refusesASignalForABackhaulThatIsNotUp() {
        assertThatThrownBy(() -> new GatewayHealth(12, 80, 1_024, 2_048, 0, GatewayHealth.Backhaul.DOWN, -90, null,
                CLOCK)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOWN");
    }

    @Test
    void refusesMoreMemoryUsedThanThereIs() {
        assertThatThrownBy(() -> new GatewayHealth(12, 80, 4_096, 2_048, 0, GatewayHealth.Backhaul.UP, -90, null,
                CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBackhaulStateOutsideTheSchemaIsMalformed() {
        // The same fields as a valid answer, with the backhaul's "UP" turned into a state no gateway reports.
        byte[] payload = MessageCodec.encode(SampleMessages.gatewayHealth());
        byte[] broken = new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1).replace("UP", "DO")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> MessageCodec.decode(0x53, broken)).isInstanceOf(MalformedMessageException.class);
    }
}
