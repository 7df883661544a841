package io.gridside.console.service;

import io.gridside.site.InvalidValueException;
import java.util.Locale;

/**
 * A USB device's vendor and product id, written as USB tools write it: {@code 0525:a4a7}.
 *
 * @param vendorId the vendor id, 0 to 0xFFFF
 * @param productId the product id, 0 to 0xFFFF
 */
public record UsbId(int vendorId, int productId) {

    private static final int MAX = 0xFFFF;

    public UsbId {
        if (vendorId < 0 || vendorId > MAX || productId < 0 || productId > MAX) {
            throw new InvalidValueException("usb.range", "A USB id has two numbers from 0000 to ffff.");
        }
    }

    /** Reads {@code VVVV:PPPP}, two hexadecimal numbers. */
    public static UsbId parse(String text) {
        String[] parts = text.strip().split(":");
        if (parts.length != 2) {
            throw new InvalidValueException("usb.form", "Write a USB id as VENDOR:PRODUCT in hexadecimal, for "
                    + "example 0525:a4a7; '" + text + "' is not.", text);
        }
        try {
            return new UsbId(Integer.parseInt(parts[0], 16), Integer.parseInt(parts[1], 16));
        } catch (NumberFormatException e) {
            InvalidValueException refused = new InvalidValueException("usb.hex", "The USB id '" + text
                    + "' is not two hexadecimal numbers.", text);
            refused.initCause(e);
            throw refused;
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04x:%04x", vendorId, productId);
    }
}
