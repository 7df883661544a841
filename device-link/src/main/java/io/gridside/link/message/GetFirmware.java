package io.gridside.link.message;

/**
 * Asks what firmware the gateway runs and holds, and how its last update ended; answered by a
 * {@link FirmwareState}.
 */
public record GetFirmware() implements Message {
}
