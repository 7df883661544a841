package io.gridside.console.service.firmware;

import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * What a firmware push did.
 *
 * @param alreadyHeld chunks the gateway held before this push, from an earlier push that stopped, which it did not
 *     send again; 0 when nothing was offered because the gateway runs the image already
 * @param sent chunks this push sent
 * @param outcome how the gateway's install ended, confirmed or reverted; null for a meter image, which a campaign
 *     installs, and for an image the gateway ran before any install the gateway remembers
 * @param ending how the push ended: installed by it, found running already, or installed by another session
 */
public record PushResult(ByteString imageSha256, String version, int chunkCount, int alreadyHeld, int sent,
        FirmwareState.Outcome outcome, Ending ending) {

    /** How a push ended. */
    public enum Ending {
        /** The push installed the gateway image (see the outcome), or staged the meter image. */
        INSTALLED,
        /**
         * The gateway runs the image already (after an earlier push, or an install whose answer was lost); the
         * file passed every check, nothing was sent or installed.
         */
        ALREADY_RUNNING,
        /** Another session installed the same image while this one pushed it; the outcome is that install's. */
        BY_ANOTHER_SESSION
    }

    public PushResult {
        Objects.requireNonNull(imageSha256, "imageSha256");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(ending, "ending");
    }

    /** A push that sent the image, and for a gateway image installed it. */
    public PushResult(ByteString imageSha256, String version, int chunkCount, int alreadyHeld, int sent,
            FirmwareState.Outcome outcome) {
        this(imageSha256, version, chunkCount, alreadyHeld, sent, outcome, Ending.INSTALLED);
    }

    /** Whether this push found chunks on the gateway from an earlier one. */
    public boolean resumed() {
        return alreadyHeld > 0;
    }

    /**
     * The sentence for a person when the push installed nothing itself: {@code The gateway already runs
     * gw-sim-2.5.0 ...} or {@code Installed by another session: ...}; null when it installed.
     */
    public String shortcut() {
        String how = outcome == null ? "" : outcome.confirmed() ? ", confirmed" : ", on trial";
        return switch (ending) {
            case INSTALLED -> null;
            case ALREADY_RUNNING -> "The gateway already runs " + version + how + "; the file passed every check, "
                    + "and nothing was sent or installed.";
            case BY_ANOTHER_SESSION -> "Installed by another session: " + version + " runs" + how
                    + "; this push installed nothing itself.";
        };
    }
}
