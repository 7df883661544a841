package io.gridside.site.firmware;

import io.gridside.site.InvalidValueException;

/**
 * The rules a meter campaign runs by; {@link #defaults} are the ones a technician gets without asking.
 *
 * @param canaryPerGroup meters of the canary wave for each pair of hardware revision and current version
 * @param firstWaveSize meters of the first wave after the canary
 * @param waveGrowth how many times larger each later wave is than the one before
 * @param confirmPerMille a wave advances only when at least this share of its meters (per thousand) confirmed
 * @param pausePerMille the campaign pauses itself as soon as this share of a wave (per thousand) has failed
 * @param soakIntervals reading intervals a wave soaks, with normal readings from its meters, before the next
 * @param attemptsPerMeter attempts before a meter is set aside as failed
 * @param concurrency meters updating at once, to protect the mesh's airtime
 */
public record CampaignPolicy(int canaryPerGroup, int firstWaveSize, int waveGrowth, int confirmPerMille,
        int pausePerMille, int soakIntervals, int attemptsPerMeter, int concurrency) {

    public CampaignPolicy {
        check(canaryPerGroup, 1, 100, "canaryPerGroup");
        check(firstWaveSize, 1, 100_000, "firstWaveSize");
        check(waveGrowth, 1, 100, "waveGrowth");
        check(confirmPerMille, 1, 1000, "confirmPerMille");
        check(pausePerMille, 1, 1000, "pausePerMille");
        check(soakIntervals, 0, 96 * 7, "soakIntervals");
        check(attemptsPerMeter, 1, 10, "attemptsPerMeter");
        check(concurrency, 1, 1000, "concurrency");
    }

    /** Refuses {@code value} of the rule {@code name} outside {@code min} to {@code max}, as {@code campaign.NAME}. */
    private static void check(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new InvalidValueException("campaign." + name, name + " is from " + min + " to " + max + ", not "
                    + value, min, max, value);
        }
    }

    /** One canary per group, then 10, 30, 90 meters and so on; 98% confirmed, pause at 2% failed, four intervals. */
    public static CampaignPolicy defaults() {
        return new CampaignPolicy(1, 10, 3, 980, 20, 4, 3, 8);
    }

    /** Whether {@code failed} of a wave of {@code size} meters is enough to pause the campaign. */
    public boolean pauses(int failed, int size) {
        return failed > 0 && (long) failed * 1000 >= (long) pausePerMille * size;
    }

    /** Whether {@code confirmed} of a wave of {@code size} meters is enough for it to advance. */
    public boolean confirms(int confirmed, int size) {
        return (long) confirmed * 1000 >= (long) confirmPerMille * size;
    }
}
