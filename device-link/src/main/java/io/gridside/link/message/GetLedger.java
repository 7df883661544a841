package io.gridside.link.message;

/** Opens a stream of the ledger entries after sequence {@code afterSeq}. */
public record GetLedger(long afterSeq) implements Message {
}
