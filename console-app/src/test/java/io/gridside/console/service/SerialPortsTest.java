package io.gridside.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.client.GatewayPins;
import io.gridside.link.transport.SerialPortInfo;
import io.gridside.sim.DemoOperator;
import io.gridside.sim.pty.PseudoTerminal;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Which serial ports look like a gateway, and that the console writes to no other without being told to. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SerialPortsTest {

    private static final SerialPortInfo GADGET = new SerialPortInfo("ttyACM0", "/dev/ttyACM0", "Gadget Serial",
            0x0525, 0xa4a7, null);
    private static final SerialPortInfo FTDI = new SerialPortInfo("ttyUSB0", "/dev/ttyUSB0", "FT232R USB UART",
            0x0403, 0x6001, "A10KX3Z");
    private static final SerialPortInfo UART = new SerialPortInfo("ttyS0", "/dev/ttyS0", "Physical Port S0",
            SerialPortInfo.NOT_USB, SerialPortInfo.NOT_USB, null);

    @TempDir
    Path runtime;

    private PublishedPorts published;
    private PseudoTerminal terminal;

    @BeforeEach
    void openTerminal() throws IOException {
        published = new PublishedPorts(runtime.resolve("ports"));
        terminal = PseudoTerminal.open();
    }

    @AfterEach
    void closeTerminal() {
        terminal.close();
    }

    private SerialPorts ports(String gatewayIds) {
        return new SerialPorts(GatewayUsbIds.parse(gatewayIds), published, () -> List.of(GADGET, FTDI, UART));
    }

    @Test
    void marksTheGatewayGadgetAndPublishedSimulatorsAsGateways() throws IOException {
        try (Closeable publication = published.publish(terminal.devicePath(), "GW-00AB12")) {
            List<SerialPorts.Port> scanned = ports(GatewayUsbIds.DEFAULT).scan();

            assertThat(scanned).extracting(SerialPorts.Port::device).containsExactly("/dev/ttyACM0", "/dev/ttyUSB0",
                    "/dev/ttyS0", terminal.devicePath());
            assertThat(scanned).extracting(SerialPorts.Port::kind).containsExactly(SerialPorts.Kind.GATEWAY_USB,
                    SerialPorts.Kind.OTHER, SerialPorts.Kind.OTHER, SerialPorts.Kind.SIMULATOR);
            assertThat(scanned.get(1).summary()).isEqualTo("/dev/ttyUSB0 (FT232R USB UART, USB 0403:6001)");
            assertThat(scanned.get(3).gatewayId()).isEqualTo("GW-00AB12");
        }
    }

    @Test
    void theSettingReplacesTheGatewaysUsbIds() {
        List<SerialPorts.Port> scanned = ports("0403:6001").scan();

        assertThat(scanned).filteredOn(SerialPorts.Port::looksLikeGateway).extracting(SerialPorts.Port::device)
                .containsExactly("/dev/ttyUSB0");
    }

    @Test
    void candidatesAfterADropAreOnlyThePortsThatLookLikeGateways() throws IOException {
        try (Closeable publication = published.publish(terminal.devicePath(), "GW-00AB12")) {
            assertThat(ports(GatewayUsbIds.DEFAULT).candidates()).extracting(SerialPorts.Port::device)
                    .containsExactly("/dev/ttyACM0", terminal.devicePath());
        }
    }

    @Test
    void aWithdrawnOrAbandonedPublicationIsNotListed() throws Exception {
        Closeable publication = published.publish(terminal.devicePath(), "GW-00AB12");
        publication.close();
        Path abandoned = runtime.resolve("ports").resolve("sim-1-gone.port");
        Files.writeString(abandoned, "device=" + terminal.devicePath() + "\ngatewayId=GW-1\npid=" + endedPid() + "\n");

        assertThat(published.list()).isEmpty();
        assertThat(abandoned).doesNotExist();
    }

    @Test
    void aTerminalThatNobodyPublishedNeedsConfirmationAndAMissingPathDoesNot() {
        SerialPorts ports = ports(GatewayUsbIds.DEFAULT);

        assertThat(ports.describe(terminal.devicePath()).needsConfirmation()).isTrue();
        assertThat(ports.describe("/dev/ttyGRIDSIDE-missing").kind()).isEqualTo(SerialPorts.Kind.MISSING);
        assertThat(ports.describe("ttyACM0").kind()).isEqualTo(SerialPorts.Kind.GATEWAY_USB);
    }

    @Test
    void theConnectorWritesNothingToAPortThatDoesNotLookLikeAGateway() throws IOException {
        Connector connector = new Connector(GatewayPins.inMemory(), Duration.ofSeconds(2),
                ports(GatewayUsbIds.DEFAULT));

        assertThatThrownBy(() -> connector.connect(new ConnectionTarget.Serial(terminal.devicePath()),
                DemoOperator.supervisorFor("site-1", Instant.now()))).isInstanceOf(UnconfirmedPortException.class)
                .hasMessageContaining(terminal.devicePath()).hasMessageContaining("does not look like");

        // Written straight to the device, not through a serial port that would flush what waits in its buffers.
        try (OutputStream marker = Files.newOutputStream(Path.of(terminal.devicePath()))) {
            marker.write('M');
        }
        assertThat(terminal.input().read()).as("the first byte the device received").isEqualTo('M');
    }

    @Test
    void usbIdsReadAsHexadecimalPairs() {
        assertThat(UsbId.parse(" 0525:A4A7 ")).isEqualTo(new UsbId(0x0525, 0xa4a7));
        assertThat(new UsbId(0x1d6b, 0x104)).hasToString("1d6b:0104");
        assertThat(GatewayUsbIds.parse("0525:a4a7, 1d6b:0104,").contains(new UsbId(0x1d6b, 0x0104))).isTrue();
        assertThatThrownBy(() -> UsbId.parse("0525")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsbId.parse("0525:zz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UsbId.parse("10525:0001")).isInstanceOf(IllegalArgumentException.class);
    }

    private static long endedPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
