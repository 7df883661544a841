package io.gridside.sim.replace;

import io.gridside.link.message.BeginRestore;
import io.gridside.link.message.BillingConfigBatch;
import io.gridside.link.message.MalformedMessageException;
import io.gridside.link.message.MeshDayBatch;
import io.gridside.link.message.RestoreChunk;
import io.gridside.link.message.RestoreConfigPart;
import io.gridside.link.message.RestoreLedgerPart;
import io.gridside.link.server.RestoreRefusedException;
import io.gridside.site.LedgerEntry;
import io.gridside.site.Reading;
import io.gridside.site.ledger.LedgerChain;
import io.gridside.site.ledger.LedgerCheck;
import io.gridside.site.ledger.LedgerLink;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The restore under way on a replacement gateway: its begin and the chunks, configuration parts (section 6.39) and
 * ledger parts (section 6.41) that have arrived, each kept once.
 * A begin under another id replaces a restore that was never finished, as a console that started over after its
 * replica changed. Not thread-safe: its gateway locks around it.
 */
final class RestoreStaging {

    private BeginRestore begin;
    private final TreeMap<Integer, RestoreChunk> chunks = new TreeMap<>();
    private final TreeMap<Integer, RestoreConfigPart> configParts = new TreeMap<>();
    private final TreeMap<Integer, RestoreLedgerPart> ledgerParts = new TreeMap<>();

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
        configParts.clear();
        ledgerParts.clear();
    }

    /** Keeps one part of the ledger of a restore begun with ledger parts, once; another at the same index conflicts. */
    void hold(RestoreLedgerPart part) throws RestoreRefusedException {
        BeginRestore begun = begun(part.restoreId());
        int count = begun.ledgerInParts() ? begun.ledgerParts() : 0;
        if (part.index() >= count) {
            throw new RestoreRefusedException("REPLACE_INVALID", "Restore " + part.restoreId() + " carries its "
                    + "ledger in " + count + " parts, so it has no part " + part.index() + ".");
        }
        RestoreLedgerPart held = ledgerParts.putIfAbsent(part.index(), part);
        if (held != null && !held.equals(part)) {
            throw new RestoreRefusedException("REPLACE_RESTORE_CONFLICT", "Part " + part.index() + " of restore "
                    + part.restoreId() + "'s ledger arrived before with other entries; begin the restore under a "
                    + "new id.");
        }
    }

    /** The ledger's parts not held yet, or null for a restore that sends its ledger in none. */
    List<Integer> missingLedgerParts(String restoreId) throws RestoreRefusedException {
        BeginRestore begun = begun(restoreId);
        if (!begun.ledgerInParts()) {
            return null;
        }
        List<Integer> missing = new ArrayList<>();
        for (int index = 0; index < begun.ledgerParts(); index++) {
            if (!ledgerParts.containsKey(index)) {
                missing.add(index);
            }
        }
        return missing;
    }

    /**
     * The replica's ledger the restore carries, each entry with its link of the chain, or only the tip for a restore
     * that carries no ledger parts. The parts' entries must run from 1 without a gap, link from the genesis to the
     * begin's tip hash, end at the begin's tip, and leave each account the balance its chunk says; a ledger that
     * does not is dropped, for the console to send again from a replica that checks.
     *
     * <p>KNOWN SHORTCOMING: the check ties the entries to the tip hash the console names, which nothing of the dead
     * gateway's signs; a replica whose chain was recomputed after an entry was changed passes it.
     *
     * @param balances each restored customer's balance, as the chunks carry it
     * @throws RestoreRefusedException {@code REPLACE_CHUNKS_MISSING} while a part is missing, and
     *     {@code REPLACE_LEDGER_UNVERIFIED} when the entries do not check
     */
    List<LedgerLink> ledgerLinks(String restoreId, Map<String, Long> balances) throws RestoreRefusedException {
        BeginRestore begun = begun(restoreId);
        if (!begun.ledgerInParts()) {
            return List.of(new LedgerLink(begun.tip(), begun.tipHash().toByteArray()));
        }
        List<Integer> missing = missingLedgerParts(restoreId);
        if (!missing.isEmpty()) {
            throw new RestoreRefusedException("REPLACE_CHUNKS_MISSING", "Restore " + restoreId + " still lacks "
                    + "parts " + missing + " of its ledger; send them, then finish.");
        }
        List<LedgerEntry> entries = new ArrayList<>();
        ledgerParts.values().forEach(part -> entries.addAll(part.entries()));
        String problem = ledgerProblem(begun, entries, balances);
        if (problem != null) {
            ledgerParts.clear();
            throw new RestoreRefusedException("REPLACE_LEDGER_UNVERIFIED", "The ledger restore " + restoreId
                    + " carries does not check: " + problem + "; nothing was restored and this gateway bills "
                    + "nothing. Restore from a replica whose ledger checks (bill verify), or another console's.");
        }
        List<LedgerLink> links = new ArrayList<>();
        List<byte[]> heads = LedgerChain.heads(LedgerChain.genesis(), entries);
        for (int i = 0; i < entries.size(); i++) {
            links.add(new LedgerLink(entries.get(i), heads.get(i)));
        }
        return links;
    }

    /** The readings the restore's history parts carry, in index order; none for a restore without parts. */
    List<Reading> readings(String restoreId) throws RestoreRefusedException {
        begun(restoreId);
        List<Reading> readings = new ArrayList<>();
        ledgerParts.values().forEach(part -> readings.addAll(part.readings()));
        return readings;
    }

    /** What is wrong with {@code entries} as the ledger of {@code begun}, or null when they check. */
    private static String ledgerProblem(BeginRestore begun, List<LedgerEntry> entries, Map<String, Long> balances) {
        if (entries.isEmpty()) {
            return "it holds no entry";
        }
        LedgerCheck.Result walk = LedgerCheck.walk(entries, Collections.nCopies(entries.size(), null));
        if (!walk.intact()) {
            return walk.problem();
        }
        if (!entries.get(entries.size() - 1).equals(begun.tip())) {
            return "its last entry is not the tip the restore began with (entry " + begun.tip().seq() + ")";
        }
        if (!Arrays.equals(walk.head(), begun.tipHash().toByteArray())) {
            return "its hash chain from entry 1 ends at " + LedgerChain.hex(walk.head()) + ", not at the tip's hash "
                    + LedgerChain.hex(begun.tipHash().toByteArray()) + ", so an entry was changed";
        }
        for (Map.Entry<String, Long> account : balances.entrySet()) {
            Long derived = walk.balances().get(account.getKey());
            if (!account.getValue().equals(derived)) {
                return "customer " + account.getKey() + "'s entries leave " + derived + " but the restore gives "
                        + "them " + account.getValue();
            }
        }
        return null;
    }

    /** Keeps one part of the configuration of a restore begun with parts, once; another at the same index conflicts. */
    void hold(RestoreConfigPart part) throws RestoreRefusedException {
        BeginRestore begun = begun(part.restoreId());
        int count = begun.configInParts() ? begun.configParts() : 0;
        if (part.index() >= count) {
            throw new RestoreRefusedException("REPLACE_INVALID", "Restore " + part.restoreId() + " carries its "
                    + "configuration in " + count + " parts, so it has no part " + part.index() + ".");
        }
        RestoreConfigPart held = configParts.putIfAbsent(part.index(), part);
        if (held != null && !held.equals(part)) {
            throw new RestoreRefusedException("REPLACE_RESTORE_CONFLICT", "Part " + part.index() + " of restore "
                    + part.restoreId() + "'s configuration arrived before with other bytes; begin the restore under "
                    + "a new id.");
        }
    }

    /** The configuration's parts not held yet, or null for a restore that sends its configuration in none. */
    List<Integer> missingConfigParts(String restoreId) throws RestoreRefusedException {
        BeginRestore begun = begun(restoreId);
        if (!begun.configInParts()) {
            return null;
        }
        List<Integer> missing = new ArrayList<>();
        for (int index = 0; index < begun.configParts(); index++) {
            if (!configParts.containsKey(index)) {
                missing.add(index);
            }
        }
        return missing;
    }

    /**
     * The configuration document the restore carries, in its begin or in its parts, or null for none. The parts'
     * document must have the digest the begin named; one that does not is dropped, for the console to send again.
     *
     * @throws RestoreRefusedException {@code REPLACE_CHUNKS_MISSING} while a part is missing, and
     *     {@code REPLACE_CONFIG_DIGEST} when the parts do not make the document the begin named
     */
    byte[] configDocument(String restoreId) throws RestoreRefusedException {
        BeginRestore begun = begun(restoreId);
        if (!begun.configInParts()) {
            try {
                return begun.billingConfigDocument();
            } catch (MalformedMessageException e) {
                throw RestoredSite.invalidConfig(e.getMessage());
            }
        }
        List<Integer> missing = missingConfigParts(restoreId);
        if (!missing.isEmpty()) {
            throw new RestoreRefusedException("REPLACE_CHUNKS_MISSING", "Restore " + restoreId + " still lacks "
                    + "parts " + missing + " of its configuration; send them, then finish.");
        }
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        configParts.values().forEach(part -> part.pieces().forEach(piece -> packed.writeBytes(piece.toByteArray())));
        byte[] document = null;
        try {
            document = MeshDayBatch.documentOf(packed.toByteArray());
        } catch (MalformedMessageException e) {
            // A document that does not unpack cannot have the digest named: both are the same refusal.
        }
        if (document == null || !BillingConfigBatch.digestOf(document).equals(begun.configDigest())) {
            configParts.clear();
            throw new RestoreRefusedException("REPLACE_CONFIG_DIGEST", "The configuration parts of restore "
                    + restoreId + " do not make the document its begin named (SHA-256); nothing was restored. "
                    + "Send the restore again.");
        }
        return document;
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
        configParts.clear();
        ledgerParts.clear();
    }
}
