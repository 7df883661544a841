package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * One batch of a billing configuration stream: consecutive pieces of the configuration document (tariff schedule
 * and credit terms) compressed as a mesh day's are ({@link MeshDayBatch#chunksOf}), which the receiver joins in
 * order, decompresses and checks against the digest every batch names.
 *
 * @param digest the SHA-256 of the whole document, which also tells a console whether the configuration changed
 * @param chunks consecutive pieces of the compressed document
 * @param total how many pieces the whole stream holds
 */
public record BillingConfigBatch(ByteString digest, List<ByteString> chunks, long total) implements Message {

    public BillingConfigBatch {
        Objects.requireNonNull(digest, "digest");
        chunks = List.copyOf(chunks);
    }

    /** The SHA-256 of a configuration document, which is its digest. */
    public static ByteString digestOf(byte[] document) {
        try {
            return ByteString.of(MessageDigest.getInstance("SHA-256").digest(document));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
