package io.gridside.site;

import java.time.Instant;
import java.util.Objects;

/**
 * A register read the console queued for the gateway's billing, and what the gateway answered: a read imported
 * from a file, or one a technician decided on in the exceptions queue. The gateway judges each on its own and takes
 * a read it holds as a duplicate, so sending one again is harmless.
 *
 * @param readAt when the register read so, the end of a quarter hour
 * @param origin {@code IMPORT}, {@code ACCEPTED} or {@code OVERRIDDEN}, as the link names them
 * @param originId the file's name and line ({@code FILE:LINE}) or the decision ({@code decision:ID})
 * @param reason why it is sent
 * @param answerCode the gateway's code when it refused the read, else null
 * @param answer the gateway's sentence when it refused the read, else null
 */
public record QueuedRead(String meterId, Instant readAt, long registerWh, String origin, String originId,
        String reason, State state, String answerCode, String answer) {

    /** Where a queued read stands. */
    public enum State {
        /** Not answered by the gateway yet: the next push sends it. */
        PENDING,
        /** It filled, with the other reads of its gap, a gap the gateway billed by estimate. */
        FILLED,
        /** It corrected a register the gateway billed. */
        CORRECTED,
        /** The gateway held this register already; nothing moved. */
        DUPLICATE,
        /** The gateway refused it; {@code answerCode} and {@code answer} say why. */
        REFUSED
    }

    public QueuedRead {
        Validate.id("meterId", meterId);
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(originId, "originId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(state, "state");
        if (registerWh < 0) {
            throw new IllegalArgumentException("registerWh must not be negative, was " + registerWh);
        }
    }

    /** A read new to the queue, not sent yet. */
    public static QueuedRead pending(String meterId, Instant readAt, long registerWh, String origin,
            String originId, String reason) {
        return new QueuedRead(meterId, readAt, registerWh, origin, originId, reason, State.PENDING, null, null);
    }

    /** The same read with the gateway's answer. */
    public QueuedRead answered(State answeredState, String code, String sentence) {
        return new QueuedRead(meterId, readAt, registerWh, origin, originId, reason, answeredState, code, sentence);
    }
}
