package io.gridside.console.service;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The USB ids of the devices that the console takes for gateways: only to ports of these devices does it write
 * without asking, since bytes sent to some other device (a modem, a meter's programmer, a printer) may do harm.
 *
 * <p>The default is {@value #DEFAULT}: a Gridside gateway is a Linux box whose USB port runs the kernel's serial
 * gadget in CDC-ACM mode, which presents itself with these ids. A fleet whose gateways present other ids lists them
 * in the setting {@value #SETTING}, comma-separated.
 */
public final class GatewayUsbIds {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayUsbIds.class);

    /** The setting that replaces the default list. */
    public static final String SETTING = "serial.gatewayUsbIds";
    /** The Linux USB serial gadget in CDC-ACM mode, as Gridside gateways present their link port. */
    public static final String DEFAULT = "0525:a4a7";

    private final Set<UsbId> ids;

    private GatewayUsbIds(Set<UsbId> ids) {
        this.ids = Set.copyOf(ids);
    }

    /** Reads a comma-separated list such as {@code 0525:a4a7, 1d6b:0104}; an empty list allows no USB device. */
    public static GatewayUsbIds parse(String list) {
        Set<UsbId> ids = Arrays.stream(list.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                .map(UsbId::parse).collect(Collectors.toCollection(LinkedHashSet::new));
        return new GatewayUsbIds(ids);
    }

    /** The list in the settings, or the default when the setting is absent or cannot be read. */
    public static GatewayUsbIds from(Settings settings) {
        String list = settings.get(SETTING, DEFAULT);
        try {
            return parse(list);
        } catch (IllegalArgumentException e) {
            LOG.warn("The setting {}={} cannot be read, so the default {} applies: {}", SETTING, list, DEFAULT,
                    e.getMessage());
            return parse(DEFAULT);
        }
    }

    public boolean contains(UsbId id) {
        return ids.contains(id);
    }

    @Override
    public String toString() {
        return ids.stream().map(UsbId::toString).sorted().collect(Collectors.joining(","));
    }
}
