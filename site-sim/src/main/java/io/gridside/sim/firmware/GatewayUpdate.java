package io.gridside.sim.firmware;

import io.gridside.link.message.ChunkHeld;
import io.gridside.link.message.FirmwareChunk;
import io.gridside.link.message.FirmwareInstalled;
import io.gridside.link.message.FirmwareOffered;
import io.gridside.link.message.FirmwareState;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareRefusedException;

/**
 * The simulated gateway's images on its flash: what it receives chunk by chunk and holds, and its two slots, which
 * an install writes and boots on trial.
 */
public final class GatewayUpdate {

    private final FirmwareSite site;

    public GatewayUpdate(FirmwareSite site) {
        this.site = site;
    }

    /** The version the gateway runs now, as its hello says. */
    public String runningVersion() {
        return "gw-sim-2.4.1";
    }

    public FirmwareState state(String campaignId) {
        throw new UnsupportedOperationException("firmware updates are not built yet on " + site.directory());
    }

    public FirmwareOffered offer(ByteString signedManifest) throws FirmwareRefusedException {
        throw new UnsupportedOperationException("firmware updates are not built yet");
    }

    public ChunkHeld take(FirmwareChunk chunk) throws FirmwareRefusedException {
        throw new UnsupportedOperationException("firmware updates are not built yet");
    }

    public FirmwareInstalled install(ByteString imageSha256, String by) throws FirmwareRefusedException {
        throw new UnsupportedOperationException("firmware updates are not built yet");
    }

    /**
     * The manifest of an image held whole.
     *
     * @throws FirmwareRefusedException with {@code DAMAGED} when the image is not held, or not whole
     */
    public FirmwareManifest heldWhole(ByteString imageSha256) throws FirmwareRefusedException {
        throw new UnsupportedOperationException("firmware updates are not built yet");
    }
}
