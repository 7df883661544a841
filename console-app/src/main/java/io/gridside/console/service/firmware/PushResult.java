package io.gridside.console.service.firmware;

import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;

/** Stand-in until the firmware service lands; replaced on merge. */
public record PushResult(ByteString imageSha256, String version, int chunkCount, int alreadyHeld, int sent,
        FirmwareState.Outcome outcome) {
}
