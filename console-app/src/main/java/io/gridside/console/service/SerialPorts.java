package io.gridside.console.service;

import io.gridside.link.transport.SerialPortInfo;
import io.gridside.link.transport.SerialTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The serial ports on this machine where a gateway may be plugged in, and which of them look like one: a USB
 * device whose ids are in the gateways' list, or a pseudo-terminal that a simulated gateway published. Every other
 * port may be some other device, which the console writes to only when the technician says so.
 */
public final class SerialPorts {

    /** Why a port does or does not look like a gateway. */
    public enum Kind {
        /** A USB device with a gateway's USB id. */
        GATEWAY_USB,
        /** A pseudo-terminal that a simulated gateway on this machine serves. */
        SIMULATOR,
        /** Anything else: another USB device, a UART, a terminal. */
        OTHER,
        /** No port and no device file by that name: opening it fails before anything is written. */
        MISSING
    }

    /**
     * A port the console could open.
     *
     * @param device the device path to open
     * @param description what the driver or the simulator says it is; may be empty
     * @param usbId the USB ids of the device, or null when it is not USB
     * @param kind whether, and why, it looks like a gateway
     * @param gatewayId the gateway a simulator said it serves there, or null
     */
    public record Port(String device, String description, UsbId usbId, Kind kind, String gatewayId) {

        public boolean looksLikeGateway() {
            return kind == Kind.GATEWAY_USB || kind == Kind.SIMULATOR;
        }

        /** Whether the console must ask before writing to it: it exists and does not look like a gateway. */
        public boolean needsConfirmation() {
            return kind == Kind.OTHER;
        }

        /** The port as the command line and the log name it: path, description and USB id. */
        public String summary() {
            StringBuilder text = new StringBuilder(device);
            List<String> details = new ArrayList<>();
            if (!description.isBlank()) {
                details.add(description);
            }
            if (usbId != null) {
                details.add("USB " + usbId);
            }
            if (!details.isEmpty()) {
                text.append(" (").append(String.join(", ", details)).append(')');
            }
            return text.toString();
        }
    }

    private final GatewayUsbIds gatewayIds;
    private final PublishedPorts published;
    private final Supplier<List<SerialPortInfo>> lister;

    public SerialPorts(GatewayUsbIds gatewayIds, PublishedPorts published, Supplier<List<SerialPortInfo>> lister) {
        this.gatewayIds = gatewayIds;
        this.published = published;
        this.lister = lister;
    }

    /** The ports of this machine, judged by the user's list of gateway USB ids. */
    public static SerialPorts forUser(AppDirs dirs, Settings settings) {
        return new SerialPorts(GatewayUsbIds.from(settings), PublishedPorts.in(dirs), SerialTransport::list);
    }

    /** Every port: the operating system's serial ports, then the simulators' pseudo-terminals. Slow; not on the UI. */
    public List<Port> scan() {
        Map<String, Port> ports = new LinkedHashMap<>();
        for (SerialPortInfo info : lister.get()) {
            UsbId usbId = info.isUsb() ? new UsbId(info.vendorId(), info.productId()) : null;
            Kind kind = usbId != null && gatewayIds.contains(usbId) ? Kind.GATEWAY_USB : Kind.OTHER;
            ports.put(info.path(), new Port(info.path(), nullToEmpty(info.description()), usbId, kind, null));
        }
        for (PublishedPorts.Entry entry : published.list()) {
            ports.put(entry.device(), new Port(entry.device(), "simulated gateway " + entry.gatewayId(), null,
                    Kind.SIMULATOR, entry.gatewayId()));
        }
        return List.copyOf(ports.values());
    }

    /** The ports that look like gateways: where a gateway that went away may have come back. */
    public List<Port> candidates() {
        return scan().stream().filter(Port::looksLikeGateway).toList();
    }

    /**
     * The port at {@code device} as {@link #scan()} describes it, found by its path, a link to it (such as
     * {@code /dev/serial/by-id/...}) or its short name ({@code ttyACM0}). A device file that no listing has, such as
     * a terminal's pseudo-terminal, is {@link Kind#OTHER}; a path that is nothing at all is {@link Kind#MISSING}.
     */
    public Port describe(String device) {
        String wanted = realPath(device);
        for (Port port : scan()) {
            if (realPath(port.device()).equals(wanted) || Path.of(port.device()).getFileName().toString()
                    .equals(device)) {
                return port;
            }
        }
        return new Port(device, "", null, exists(device) ? Kind.OTHER : Kind.MISSING, null);
    }

    private static boolean exists(String device) {
        try {
            return Files.exists(Path.of(device));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String realPath(String device) {
        if (device.isBlank()) {
            return device;
        }
        try {
            return Path.of(device).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return device;
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    @Override
    public String toString() {
        return "serial ports with gateway USB ids " + gatewayIds;
    }
}
