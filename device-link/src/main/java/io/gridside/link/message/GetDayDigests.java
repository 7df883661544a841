package io.gridside.link.message;

import java.time.LocalDate;

/**
 * Opens a stream of the gateway's digests of the site days from {@code from} to {@code to}, both included, answered
 * by day-digest batches and an end.
 *
 * @param from the first site day, or null for the first the gateway holds
 * @param to the last site day, or null for the gateway's today
 */
public record GetDayDigests(LocalDate from, LocalDate to) implements Message {
}
