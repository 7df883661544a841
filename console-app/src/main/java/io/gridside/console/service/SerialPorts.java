package io.gridside.console.service;

import io.gridside.link.transport.SerialPortInfo;
import io.gridside.link.transport.SerialTransport;
import java.util.List;

/** The serial ports on this machine where a gateway may be plugged in. */
public final class SerialPorts {

    private SerialPorts() {
    }

    /** The device paths of the ports found now, such as {@code /dev/ttyACM0}; slow, so call it off the UI. */
    public static List<String> available() {
        return SerialTransport.list().stream().map(SerialPortInfo::path).toList();
    }
}
