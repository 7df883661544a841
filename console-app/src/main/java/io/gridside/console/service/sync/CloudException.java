package io.gridside.console.service.sync;

import java.io.IOException;
import java.time.Duration;

/**
 * A request to the cloud that did not succeed, sorted by what the sync does about it: try again later, rewind to
 * the cloud's watermark, read a down stream again from its start, stop the run, or put the item aside for a person.
 */
public final class CloudException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What the sync does about a failed request. */
    public enum Kind {
        /** The connection failed or the cloud asked to come back later (408, 429, 5xx): back off and retry. */
        RETRYABLE,
        /** 409 {@code gap}: the cloud's watermark is behind the batch; rewind the stream to it. */
        GAP,
        /** 410 {@code cursor_unknown}: read the down stream again from an empty cursor. */
        CURSOR_UNKNOWN,
        /**
         * The cloud refused the session (401, 403: credential, lost laptop, site) or its certificate is not the
         * pinned one: the run stops, and nothing is retried until a person acts.
         */
        SESSION_REFUSED,
        /** Any other refusal of this request: it goes on the needs-attention list; the other streams go on. */
        REFUSED
    }

    private final Kind kind;
    private final int status;
    private final String code;
    private final transient Duration retryAfter;
    private final long watermark;
    private final long received;

    CloudException(Kind kind, int status, String code, String message, Duration retryAfter, long watermark,
            long received, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.watermark = watermark;
        this.received = received;
    }

    /** The code of a connection that nothing accepted: the laptop is offline, or the cloud is down. */
    public static final String UNREACHABLE = "unreachable";

    static CloudException retryable(String code, String message, Throwable cause) {
        return new CloudException(Kind.RETRYABLE, 0, code, message, null, -1, -1, cause);
    }

    static CloudException sessionRefused(String code, String message, Throwable cause) {
        return new CloudException(Kind.SESSION_REFUSED, 0, code, message, null, -1, -1, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The error's code: the cloud's ({@code gap}, {@code laptop_reported_lost}...) or the console's. */
    public String code() {
        return code;
    }

    /** How long the cloud asked to wait before the next attempt, or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** For a gap: the stream's watermark on the cloud; else -1. */
    public long watermark() {
        return watermark;
    }

    /** For a chunk beyond what the cloud holds: the bytes it holds; else -1. */
    public long received() {
        return received;
    }
}
