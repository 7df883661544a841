package io.gridside.link.server;

import io.gridside.link.message.CommandsBatch;
import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.List;

/**
 * Where a gateway keeps the signed commands it took, each with the credential that signed it and what the gateway
 * answered, so that every entry of its ledger that a technician caused can be traced to the command that asked
 * for it. It also remembers every command's nonce, so that no command is taken twice. Implementations are
 * thread-safe.
 */
public interface CommandLog {

    /**
     * Marks {@code nonce} as taken, unless it is already: then false, and the command must be refused. A nonce
     * reserved for a command that the gateway then refuses for its request's own rules stays taken.
     */
    boolean reserve(ByteString nonce);

    /** Whether a command with {@code nonce} was taken, or is being taken. */
    boolean holds(ByteString nonce);

    /** Appends a command the gateway took, with its answer; returns the entry with its place in the log. */
    CommandsBatch.Entry append(Instant takenAt, ByteString nonce, ByteString command, ByteString signature,
            ByteString credential, ByteString credentialSignature, int answerType, ByteString answer);

    /** The entries after {@code afterSeq}, in the order they were taken. */
    List<CommandsBatch.Entry> after(long afterSeq);
}
