package io.gridside.billing.vee;

import java.time.Duration;

/**
 * The most a meter can measure: its maximum current at the site's nominal voltage. A register that rises faster
 * than that between two reads was misread.
 *
 * <p>The site's meter records carry no rating yet, so VEE takes {@link #DEFAULT} for every meter unless told
 * otherwise: 60 A at 230 V, the maximum current of the common single-phase prepaid meter (rated 5(60) A).
 */
public record MeterRating(int maxCurrentAmps, int nominalVolts) {

    /** 60 A at 230 V: 13.8 kW, 3,450 Wh in a quarter hour. */
    public static final MeterRating DEFAULT = new MeterRating(60, 230);

    public MeterRating {
        if (maxCurrentAmps <= 0 || nominalVolts <= 0) {
            throw new IllegalArgumentException("maxCurrentAmps and nominalVolts must be positive, were "
                    + maxCurrentAmps + " and " + nominalVolts);
        }
    }

    public long maxWatts() {
        return (long) maxCurrentAmps * nominalVolts;
    }

    /**
     * The most energy the meter can register in {@code elapsed}, in whole Wh, plus the 1 Wh by which a register
     * that counts whole watt-hours may read above what flowed.
     */
    public long maxWh(Duration elapsed) {
        return Math.multiplyExact(maxWatts(), elapsed.toSeconds()) / 3_600 + 1;
    }
}
