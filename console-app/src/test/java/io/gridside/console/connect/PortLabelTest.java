package io.gridside.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.console.service.SerialPorts;
import io.gridside.console.service.UsbId;
import org.junit.jupiter.api.Test;

/** The connect screen's list of ports says which do not look like a gateway, even the one it preselects. */
class PortLabelTest {

    @Test
    void aPortThatDoesNotLookLikeAGatewaySaysSo() {
        SerialPorts.Port uart = new SerialPorts.Port("/dev/ttyS0", "Physical Port S0", null,
                SerialPorts.Kind.OTHER, null);

        assertThat(ConnectViewModel.portLabel(uart)).startsWith("/dev/ttyS0").contains("not recognised as a gateway");
    }

    @Test
    void aGatewayAndASimulatorAreNamedAsSuch() {
        SerialPorts.Port gateway = new SerialPorts.Port("/dev/ttyACM0", "Gadget Serial",
                new UsbId(0x0525, 0xa4a7), SerialPorts.Kind.GATEWAY_USB, null);
        SerialPorts.Port simulator = new SerialPorts.Port("/dev/pts/3", "simulated gateway GW-1", null,
                SerialPorts.Kind.SIMULATOR, "GW-1");

        assertThat(ConnectViewModel.portLabel(gateway)).contains("Gridside gateway").doesNotContain("not recognised");
        assertThat(ConnectViewModel.portLabel(simulator)).contains("simulated gateway GW-1");
    }
}
