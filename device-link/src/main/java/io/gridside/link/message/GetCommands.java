package io.gridside.link.message;

/**
 * Opens a stream of the gateway's command log: every signed command it took after {@code afterSeq}, with the
 * credential that signed it and the gateway's answer, in the order it took them; answered by
 * {@link CommandsBatch} batches and an end.
 */
public record GetCommands(long afterSeq) implements Message {
}
