package io.gridside.console.service.commission;

import io.gridside.console.service.ConnectionTarget;

/**
 * The gateway's address as the gateway step records it in the store, and back: {@code tcp=HOST:PORT} or
 * {@code serial=DEVICE}, the form the simulator prints its listeners in.
 */
public final class CommissionTargets {

    private CommissionTargets() {
    }

    /** {@code target} in words, or empty for a target that cannot be reached again by address (the demo). */
    public static String format(ConnectionTarget target) {
        if (target instanceof ConnectionTarget.Tcp tcp) {
            return "tcp=" + tcp.host() + ":" + tcp.port();
        }
        if (target instanceof ConnectionTarget.Serial serial) {
            return "serial=" + serial.device();
        }
        return "";
    }

    /**
     * The target {@code text} names: {@code tcp=HOST:PORT}, {@code serial=DEVICE}, or as a technician types it,
     * {@code HOST:PORT} or a device path.
     *
     * @throws IllegalArgumentException with a sentence when it names none
     */
    public static ConnectionTarget parse(String text) {
        String address = text.strip();
        if (address.startsWith("tcp=")) {
            return ConnectionTarget.Tcp.parse(address.substring(4));
        }
        if (address.startsWith("serial=")) {
            return new ConnectionTarget.Serial(address.substring(7), true);
        }
        if (address.startsWith("/") || address.regionMatches(true, 0, "COM", 0, 3)) {
            return new ConnectionTarget.Serial(address, true);
        }
        return ConnectionTarget.Tcp.parse(address);
    }
}
