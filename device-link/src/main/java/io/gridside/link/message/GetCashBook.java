package io.gridside.link.message;

import java.time.LocalDate;

/**
 * Opens a stream of the gateway's cash book: its receipts and voids dated on the site days from {@code from} to
 * {@code to}, both included, answered by {@link CashBookBatch} batches and an end.
 *
 * @param from the first site day, or null for the book's first
 * @param to the last site day, or null for the gateway's today
 */
public record GetCashBook(LocalDate from, LocalDate to) implements Message {
}
