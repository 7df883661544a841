package io.gridside.billing.config;

import java.time.Instant;
import java.util.Objects;

/**
 * A tariff version a supervisor pushed to the gateway after the gateway had begun billing: the schedule holds it
 * from the start of its effective time, but the gateway rated every quarter hour up to {@code knownAt} without it,
 * so a replay of the gateway's ledger must too, and then re-rate as the gateway did.
 *
 * @param versionNumber the version's place in the schedule, counted from 1
 * @param knownAt the gateway's tick after which it rated with the version
 * @param afterSeq the ledger's last entry before the push posted anything: the entries after it, up to the
 *     push's adjustments, are the accruals it posted as it moved each account to the re-rated state
 */
public record PushedVersion(int versionNumber, Instant knownAt, long afterSeq) {

    public PushedVersion {
        Objects.requireNonNull(knownAt, "knownAt");
        if (versionNumber < 2) {
            throw new IllegalArgumentException("A pushed version follows the schedule's first, so it is numbered "
                    + "from 2, not " + versionNumber + ".");
        }
    }
}
