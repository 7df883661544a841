package io.gridside.link.server;

import io.gridside.link.message.CommandsBatch;
import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A command log in memory: for gateways that keep no journal, and for tests. */
public final class MemoryCommandLog implements CommandLog {

    private final List<CommandsBatch.Entry> entries = new ArrayList<>();
    private final Set<ByteString> nonces = new HashSet<>();

    @Override
    public synchronized boolean reserve(ByteString nonce) {
        return nonces.add(nonce);
    }

    @Override
    public synchronized boolean holds(ByteString nonce) {
        return nonces.contains(nonce);
    }

    @Override
    public synchronized CommandsBatch.Entry append(Instant takenAt, ByteString nonce, ByteString command,
            ByteString signature, ByteString credential, ByteString credentialSignature, int answerType,
            ByteString answer) {
        nonces.add(nonce);
        CommandsBatch.Entry entry = new CommandsBatch.Entry(entries.size() + 1L, takenAt, command, signature,
                credential, credentialSignature, answerType, answer);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<CommandsBatch.Entry> after(long afterSeq) {
        return List.copyOf(entries.subList((int) Math.min(Math.max(afterSeq, 0), entries.size()), entries.size()));
    }
}
