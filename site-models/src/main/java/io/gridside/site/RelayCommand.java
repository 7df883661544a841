package io.gridside.site;

import java.time.Instant;
import java.util.Objects;

/**
 * A relay command the gateway sends a meter over the mesh, and where it stands: sent and acknowledged, settled by
 * reading the relay back, waiting for the meter to come back on the mesh, or given up after its attempts.
 *
 * @param commandId the gateway's number of the command, from 1, which the meter echoes in its acknowledgement
 * @param wanted the relay state the command asks for
 * @param issuedAt when billing (or a technician's action) decided the relay
 * @param sends how often the command itself went out: once, and again only after a read-back found the relay
 *     not in the wanted state
 * @param readBacks how often the gateway asked the meter for its relay state
 * @param round the round of attempts, from 1; a failed round is followed by another, which reads back first
 * @param lastAttemptAt when the last exchange was made, or null before the first
 * @param nextAttemptAt when the gateway next tries, or null once the command is settled or failed
 * @param reason why the relay is turned, as billing or the action gave it
 */
public record RelayCommand(long commandId, String meterId, String customerId, RelayState wanted,
        Instant issuedAt, Status status, int sends, int readBacks, int round, Instant lastAttemptAt,
        Instant nextAttemptAt, String reason) {

    /** Where a command stands. */
    public enum Status {
        /** Not sent yet, or to be sent again after a read-back found the relay not in the wanted state. */
        PENDING,
        /** Sent without an acknowledgement: the meter may have acted, so its relay is read back before a resend. */
        READ_BACK,
        /** The meter has no route to the gateway or no power; the command waits, and no attempt is counted. */
        WAITING_OFF_MESH,
        /** The meter acknowledged the command. */
        ACKNOWLEDGED,
        /** No acknowledgement arrived, but the relay read back in the wanted state: the meter had acted. */
        CONFIRMED_BY_READ_BACK,
        /** Every attempt of the last round went unanswered; the gateway tries a new round later. */
        FAILED,
        /** A later decision for the same meter took its place before it settled. */
        SUPERSEDED;

        /** Whether the relay is known to be in the wanted state. */
        public boolean settled() {
            return this == ACKNOWLEDGED || this == CONFIRMED_BY_READ_BACK;
        }

        /** Whether the gateway still works on the command. */
        public boolean outstanding() {
            return this == PENDING || this == READ_BACK || this == WAITING_OFF_MESH || this == FAILED;
        }
    }

    public RelayCommand {
        if (commandId < 1) {
            throw new IllegalArgumentException("commandId must be at least 1, was " + commandId);
        }
        Validate.id("meterId", meterId);
        Validate.id("customerId", customerId);
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(status, "status");
        if (sends < 0 || readBacks < 0 || round < 1) {
            throw new IllegalArgumentException("sends and readBacks must not be negative and round must be at "
                    + "least 1, were " + sends + ", " + readBacks + " and " + round);
        }
        Objects.requireNonNull(reason, "reason");
    }
}
