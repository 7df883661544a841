package io.gridside.console.service;

import java.io.IOException;

/**
 * The console was asked to open a serial port that does not look like a gateway without the technician's say-so:
 * writing a hello to a modem or a meter's programmer may do harm, so it writes nothing.
 */
public final class UnconfirmedPortException extends IOException {

    private final transient SerialPorts.Port port;

    public UnconfirmedPortException(SerialPorts.Port port) {
        super("The serial port " + port.summary() + " does not look like a Gridside gateway, so the console "
                + "does not write to it unless told to.");
        this.port = port;
    }

    public SerialPorts.Port port() {
        return port;
    }
}
