package io.gridside.site.ledger;

import io.gridside.site.LedgerEntry;
import io.gridside.site.cbor.DeterministicCbor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's hash chain, computed here and nowhere else: entry n's hash is SHA-256 over entry n-1's hash (the
 * genesis, 32 zero bytes, before entry 1) followed by entry n's deterministic CBOR. The hash lives beside the entry
 * (journal column, store column, wire field), not in {@link LedgerEntry}, so the many places that build entries
 * stay as they are and an entry's value does not depend on its predecessors.
 *
 * <p>The CBOR is the array {@code [seq, at, customerId, kind, amountMinor, balanceAfterMinor, reference]} with
 * {@code at} in whole epoch seconds, the precision the site store keeps.
 */
public final class LedgerChain {

    /** Bytes in a link's hash. */
    public static final int HASH_BYTES = 32;

    private static final byte[] GENESIS = new byte[HASH_BYTES];

    private LedgerChain() {
    }

    /** The hash before the first entry: 32 zero bytes (a fresh copy). */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    /** The deterministic CBOR of an entry, the bytes its link covers. */
    public static byte[] canonicalBytes(LedgerEntry entry) {
        return DeterministicCbor.encode(List.of(entry.seq(), entry.at().getEpochSecond(), entry.customerId(),
                entry.kind().name(), entry.amountMinor(), entry.balanceAfterMinor(), entry.reference()));
    }

    /** The hash of {@code entry} chained after {@code previous}. */
    public static byte[] link(byte[] previous, LedgerEntry entry) {
        if (previous.length != HASH_BYTES) {
            throw new IllegalArgumentException("a previous hash has " + HASH_BYTES + " bytes, not " + previous.length);
        }
        MessageDigest sha = sha256();
        sha.update(previous);
        sha.update(canonicalBytes(entry));
        return sha.digest();
    }

    /** The head after each of {@code entries} in turn, chained from {@code previous}. */
    public static List<byte[]> heads(byte[] previous, List<LedgerEntry> entries) {
        List<byte[]> result = new ArrayList<>(entries.size());
        byte[] head = previous;
        for (LedgerEntry entry : entries) {
            head = link(head, entry);
            result.add(head);
        }
        return result;
    }

    /** Lower-case hex of a hash, for messages and the protocol document. */
    public static String hex(byte[] hash) {
        StringBuilder text = new StringBuilder(hash.length * 2);
        for (byte b : hash) {
            text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return text.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
