package io.gridside.site.sync.api;

import java.util.Set;

/**
 * The error codes of the sync protocol ({@link ApiError#error()}) and of rejected items
 * ({@link CommitAnswer.Rejected#error()}), and which HTTP statuses a client retries.
 */
public final class SyncErrors {

    /** 400: the request lacks a header, has a malformed one, or its body is not the expected JSON. */
    public static final String BAD_REQUEST = "bad_request";
    /** 400: the console's store schema is older than the cloud accepts. */
    public static final String SCHEMA_UNSUPPORTED = "schema_unsupported";
    /** 401: the credential is missing, malformed, expired or not signed by an operator key the cloud trusts. */
    public static final String CREDENTIAL_INVALID = "credential_invalid";
    /** 403: the credential does not cover the site of the path. */
    public static final String SITE_NOT_ALLOWED = "site_not_allowed";
    /** 403: the technician or the technician's key is on the revocation list. */
    public static final String CREDENTIAL_REVOKED = "credential_revoked";
    /** 403: the laptop was reported lost; nothing syncs from it. */
    public static final String LAPTOP_REPORTED_LOST = "laptop_reported_lost";
    /** 404: no such path, stream or batch. */
    public static final String NOT_FOUND = "not_found";
    /** 409: a batch begins after the stream's watermark + 1; the answer carries the watermark. */
    public static final String GAP = "gap";
    /** 409: a chunk's offset lies beyond the bytes the server holds; the answer carries {@code received}. */
    public static final String OFFSET_BEYOND = "offset_beyond";
    /** 409: a commit of a batch whose bytes have not all arrived; the answer carries {@code received}. */
    public static final String BATCH_INCOMPLETE = "batch_incomplete";
    /** 409: a ledger batch's {@code replaceFrom} does not follow the cloud's chain at {@code replaceFrom - 1}. */
    public static final String REPLACE_REFUSED = "replace_refused";
    /** 410: a down cursor of another epoch, or older than the cloud keeps: resync from an empty cursor. */
    public static final String CURSOR_UNKNOWN = "cursor_unknown";
    /** 422: an Idempotency-Key already used for a different request. */
    public static final String KEY_REUSED = "idempotency_key_reused";
    /** 422: the batch's bytes do not have the announced size or SHA-256, or do not decompress to a batch. */
    public static final String BATCH_CORRUPT = "batch_corrupt";
    /** 422: a ledger batch whose entries do not chain from its prevHash, or whose hashes do not match them. */
    public static final String CHAIN_BROKEN = "chain_broken";
    /** In {@code rejected}: an item the cloud could not read or take. */
    public static final String ITEM_INVALID = "item_invalid";
    /** 500: the cloud failed; retry. */
    public static final String INTERNAL = "internal";
    /** 503: the cloud is not taking requests now; retry after Retry-After. */
    public static final String UNAVAILABLE = "unavailable";

    private static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);

    private SyncErrors() {
    }

    /** Whether a client retries an answer of this HTTP status (with back-off, honouring Retry-After). */
    public static boolean retryable(int status) {
        return RETRYABLE.contains(status) || status >= 500 && status <= 599;
    }
}
