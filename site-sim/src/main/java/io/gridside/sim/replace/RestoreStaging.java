package io.gridside.sim.replace;

import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.server.RestoreRefusedException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The restore under way on a replacement gateway: its begin and the chunks that have arrived, each kept once.
 * A begin under another id replaces a restore that was never finished, as a console that started over after its
 * replica changed. Not thread-safe: its gateway locks around it.
 */
final class RestoreStaging {

    private BeginRestore begin;
    private final TreeMap<Integer, RestoreChunk> chunks = new TreeMap<>();

    /** Starts {@code next}, or keeps the same restore begun before; the same id with other content is refused. */
    void begin(BeginRestore next) throws RestoreRefusedException {
        if (begin != null && begin.restoreId().equals(next.restoreId())) {
            if (!begin.equals(next)) {
                throw new RestoreRefusedException("REPLACE_RESTORE_CONFLICT", "Restore " + next.restoreId()
                        + " was begun with another site, tariff or tip; begin it under a new id.");
            }
            return;
        }
        begin = next;
        chunks.clear();
    }

    void hold(RestoreChunk chunk) throws RestoreRefusedException {
        BeginRestore begun = begun(chunk.restoreId());
        if (chunk.index() < 0 || chunk.index() >= begun.chunkCount()) {
            throw new RestoreRefusedException("REPLACE_INVALID", "Restore " + chunk.restoreId() + " has chunks 0 to "
                    + (begun.chunkCount() - 1) + ", not " + chunk.index() + ".");
        }
        RestoreChunk held = chunks.putIfAbsent(chunk.index(), chunk);
        if (held != null && !held.equals(chunk)) {
            throw new RestoreRefusedException("REPLACE_RESTORE_CONFLICT", "Chunk " + chunk.index() + " of restore "
                    + chunk.restoreId() + " arrived before with other accounts; begin the restore under a new id.");
        }
    }

    BeginRestore begun(String restoreId) throws RestoreRefusedException {
        if (begin == null || !begin.restoreId().equals(restoreId)) {
            throw ReplacementGateway.unknown(restoreId);
        }
        return begin;
    }

    List<Integer> missing(String restoreId) throws RestoreRefusedException {
        BeginRestore begun = begun(restoreId);
        List<Integer> missing = new ArrayList<>();
        for (int index = 0; index < begun.chunkCount(); index++) {
            if (!chunks.containsKey(index)) {
                missing.add(index);
            }
        }
        return missing;
    }

    /** Every account of the restore, in chunk order; refused while a chunk is missing. */
    List<RestoreChunk.Account> complete(String restoreId) throws RestoreRefusedException {
        List<Integer> missing = missing(restoreId);
        if (!missing.isEmpty()) {
            throw new RestoreRefusedException("REPLACE_CHUNKS_MISSING", "Restore " + restoreId + " still lacks chunks "
                    + missing + "; send them, then finish.");
        }
        List<RestoreChunk.Account> accounts = new ArrayList<>();
        chunks.values().forEach(chunk -> accounts.addAll(chunk.accounts()));
        return accounts;
    }

    void clear() {
        begin = null;
        chunks.clear();
    }
}
