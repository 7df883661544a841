package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * Asks the gateway to install a gateway image it holds whole: it writes the image to its inactive slot, reboots
 * into it on trial, runs its health checks, and confirms the image or reverts to the slot it ran; it answers
 * with a {@link FirmwareInstalled} once it has done either. Only a supervisor may ask.
 */
public record InstallFirmware(ByteString imageSha256) implements Message {

    public InstallFirmware {
        Objects.requireNonNull(imageSha256, "imageSha256");
    }
}
