package io.gridside.link.transport;

/**
 * A serial port found on this machine.
 *
 * @param systemName the operating system's short name for the port, such as {@code ttyACM0}
 * @param path the device path to pass to {@link SerialTransport#open(String, int)}, such as {@code /dev/ttyACM0}
 * @param description the description the driver or device reports for the port
 * @param vendorId the USB vendor id of the device behind the port, or {@link #NOT_USB}
 * @param productId the USB product id of the device behind the port, or {@link #NOT_USB}
 * @param serialNumber the USB device's serial number, or null when it has none or is not USB
 */
public record SerialPortInfo(String systemName, String path, String description, int vendorId, int productId,
        String serialNumber) {

    /** The vendor and product id of a port that is not a USB device, such as a UART on the main board. */
    public static final int NOT_USB = -1;

    /** Whether the port is a USB device, so that its vendor and product id mean something. */
    public boolean isUsb() {
        return vendorId >= 0 && productId >= 0;
    }
}
