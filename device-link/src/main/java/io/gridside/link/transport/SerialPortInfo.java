package io.gridside.link.transport;

/**
 * A serial port found on this machine.
 *
 * @param systemName the operating system's short name for the port, such as {@code ttyACM0}
 * @param path the device path to pass to {@link SerialTransport#open(String, int)}, such as {@code /dev/ttyACM0}
 * @param description the description the driver or device reports for the port
 */
public record SerialPortInfo(String systemName, String path, String description) {
}
