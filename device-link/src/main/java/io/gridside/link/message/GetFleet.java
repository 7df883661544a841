package io.gridside.link.message;

/**
 * Opens a stream of every meter's hardware revision, firmware and hop depth, as a campaign plans by them;
 * answered by {@link FleetBatch} batches and an end.
 */
public record GetFleet() implements Message {
}
