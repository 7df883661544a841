package io.gridside.console.replay;

import io.gridside.site.replay.RelayHold;

/**
 * One meter as it stood at the replay's instant: a row of the meters table.
 *
 * @param meterId the meter
 * @param customer its customer as a person reads it
 * @param powered whether it had power
 * @param talking whether its messages reached the gateway
 * @param parent its parent in the mesh, or empty when it had none known
 * @param relay whether billing or maintenance held its relay open
 * @param feeder its feeder, or empty when not mapped
 */
public record MeterRow(String meterId, String customer, boolean powered, boolean talking, String parent,
        RelayHold relay, String feeder) {

    /** Whether its customer had no supply for want of power, not because billing or maintenance held it off. */
    public boolean out() {
        return !powered;
    }
}
