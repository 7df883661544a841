package io.gridside.console.service.firmware;

import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * What a firmware push did.
 *
 * @param alreadyHeld chunks the gateway held before this push, from an earlier push that stopped, which it did not
 *     send again
 * @param sent chunks this push sent
 * @param outcome how the gateway's install ended, confirmed or reverted; null for a meter image, which a campaign
 *     installs
 */
public record PushResult(ByteString imageSha256, String version, int chunkCount, int alreadyHeld, int sent,
        FirmwareState.Outcome outcome) {

    public PushResult {
        Objects.requireNonNull(imageSha256, "imageSha256");
        Objects.requireNonNull(version, "version");
    }

    /** Whether this push found chunks on the gateway from an earlier one. */
    public boolean resumed() {
        return alreadyHeld > 0;
    }
}
