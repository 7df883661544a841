package io.gridside.site.sync.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch's id, {@code <stream>-<first>-<last>-<first 16 hex of the SHA-256 of the compressed bytes>}; it is also
 * the idempotency key of the batch's chunks and commit, so the same items compressed the same way upload once.
 */
public record BatchId(String stream, long first, long last, String digest) {

    private static final Pattern TEXT = Pattern.compile("([a-z]+)-(\\d{1,18})-(\\d{1,18})-([0-9a-f]{16})");

    public BatchId {
        if (stream == null || !stream.matches("[a-z]+")) {
            throw new IllegalArgumentException("a stream name is lower-case letters, was '" + stream + "'");
        }
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("a batch covers seq " + first + " to " + last + ", which is empty");
        }
        if (digest == null || !digest.matches("[0-9a-f]{16}")) {
            throw new IllegalArgumentException("a batch digest is 16 lower-case hex digits, was '" + digest + "'");
        }
    }

    /** The id of the batch of {@code stream} from {@code first} to {@code last} with these compressed bytes. */
    public static BatchId of(String stream, long first, long last, byte[] compressed) {
        return new BatchId(stream, first, last, sha256Hex(compressed).substring(0, 16));
    }

    /**
     * Reads an id's text.
     *
     * @throws IllegalArgumentException when it does not follow the rule
     */
    public static BatchId parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a batch id <stream>-<first>-<last>-<16 hex>");
        }
        return new BatchId(matcher.group(1), Long.parseLong(matcher.group(2)), Long.parseLong(matcher.group(3)),
                matcher.group(4));
    }

    /** Whether {@code compressed} are the bytes this id names (their SHA-256 begins with the digest). */
    public boolean names(byte[] compressed) {
        return sha256Hex(compressed).startsWith(digest);
    }

    /** Lower-case hex of the SHA-256 of {@code bytes}, as the {@link SyncHeaders#BATCH_SHA256} header carries it. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return stream + "-" + first + "-" + last + "-" + digest;
    }
}
