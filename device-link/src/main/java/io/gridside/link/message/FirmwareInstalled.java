package io.gridside.link.message;

import java.util.Objects;

/**
 * How an install ended: confirmed, or reverted and why, with the health checks of the trial boot.
 *
 * @param running the slot the gateway runs from now
 */
public record FirmwareInstalled(FirmwareState.Outcome outcome, FirmwareState.Slot running) implements Message {

    public FirmwareInstalled {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(running, "running");
    }
}
