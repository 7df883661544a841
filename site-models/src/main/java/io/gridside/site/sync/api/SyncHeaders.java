package io.gridside.site.sync.api;

/** The names of the HTTP headers of the sync protocol, and the protocol's version and path prefix. */
public final class SyncHeaders {

    /** The protocol version this code speaks; the paths begin with {@code /v1}. */
    public static final int API_VERSION = 1;
    /** The path prefix of every request. */
    public static final String PREFIX = "/v1";
    /** The site id the request is about; it must equal the site of the path. */
    public static final String SITE = "Gridside-Site";
    /** The schema version of the console's site store. */
    public static final String SCHEMA = "Gridside-Schema";
    /** The laptop's stable id, a UUID kept in the console's data folder. */
    public static final String LAPTOP = "Gridside-Laptop";
    /** {@code base64url(signed credential CBOR) "." base64url(signature)}: the technician's credential. */
    public static final String CREDENTIAL = "Gridside-Credential";
    /** The key under which the server keeps the answer of a POST or PUT, and replays it for a repeat. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** On a chunk's PUT: the batch's total compressed size in bytes. */
    public static final String BATCH_SIZE = "Gridside-Batch-Size";
    /** On a chunk's PUT: the lower-case hex SHA-256 of the batch's whole compressed bytes. */
    public static final String BATCH_SHA256 = "Gridside-Batch-Sha256";
    /**
     * On a chunk's PUT: {@code true} asks the cloud to commit the batch in the same request when the chunk completes
     * it, saving the commit's round trip; the answer then carries the commit's answer, or none when the commit did
     * not go through (the console then commits by itself and hears why).
     */
    public static final String COMMIT = "Gridside-Commit";
    /** On a 429 or 5xx answer: whole seconds to wait before the next attempt. */
    public static final String RETRY_AFTER = "Retry-After";

    private SyncHeaders() {
    }
}
