package io.gridside.sim;

import java.util.Map;

/**
 * The firmware each simulated meter runs and the hardware revision it runs on, drawn from the site's seed, as a
 * real site's meters come from batches bought years apart and are only partly upgraded: the first revision
 * ({@value #FIRST}) cannot take the current line and stays on an older one, the second ({@value #SECOND}) is mostly
 * upgraded, the third ({@value #THIRD}) mostly ships current. About three in four meters run the current version,
 * one in seven the previous, one in ten an older one.
 *
 * <p>What a meter runs changes when a meter campaign updates it ({@link #runs}); its revision never does.
 */
final class MeterFirmware {

    /** The version the meter maker ships now. */
    static final String CURRENT = "mtr-3.2.0";
    /** The version before it, which meters not yet reached by a campaign still run. */
    static final String PREVIOUS = "mtr-3.1.4";
    /** The last version the first hardware revision takes. */
    static final String OLDER = "mtr-2.9.7";
    static final String FIRST = "mtr-r1";
    static final String SECOND = "mtr-r2";
    static final String THIRD = "mtr-r3";
    /** The security counter each version the site's meters ship with carries. */
    private static final Map<String, Long> COUNTERS = Map.of(OLDER, 3L, PREVIOUS, 5L, CURRENT, 6L);

    /** Salt that keeps these draws apart from the site's other draws of the same seed. */
    private static final long NOISE = 0x4F1B_7C3DL;
    private static final double FIRST_REVISION = 0.10;
    private static final double SECOND_REVISION = 0.40;
    private static final double SECOND_REVISION_CURRENT = 0.70;
    private static final double THIRD_REVISION_CURRENT = 0.90;

    private final String[] hardware;
    private final String[] versions;
    private final long[] counters;

    private MeterFirmware(int meters) {
        this.hardware = new String[meters];
        this.versions = new String[meters];
        this.counters = new long[meters];
    }

    /** The firmware of each of {@code meters} meters, in the site's order. */
    static MeterFirmware of(long seed, int meters) {
        MeterFirmware firmware = new MeterFirmware(meters);
        for (int meter = 0; meter < meters; meter++) {
            firmware.draw(seed, meter);
        }
        return firmware;
    }

    private void draw(long seed, int meter) {
        double revision = Noise.unit(seed, NOISE, meter, 1);
        double upgraded = Noise.unit(seed, NOISE, meter, 2);
        if (revision < FIRST_REVISION) {
            hardware[meter] = FIRST;
            versions[meter] = OLDER;
        } else {
            boolean second = revision < SECOND_REVISION;
            double current = second ? SECOND_REVISION_CURRENT : THIRD_REVISION_CURRENT;
            hardware[meter] = second ? SECOND : THIRD;
            versions[meter] = upgraded < current ? CURRENT : PREVIOUS;
        }
        counters[meter] = COUNTERS.get(versions[meter]);
    }

    int meters() {
        return versions.length;
    }

    /** The hardware revision of the meter at {@code index}, such as {@code mtr-r2}. */
    String hardware(int index) {
        return hardware[index];
    }

    /** The version the meter at {@code index} runs now. */
    String version(int index) {
        return versions[index];
    }

    /** The security counter of the image the meter at {@code index} runs now. */
    long securityCounter(int index) {
        return counters[index];
    }

    /** Records that the meter at {@code index} runs {@code version} from now on, as after a campaign updated it. */
    void runs(int index, String version, long securityCounter) {
        versions[index] = version;
        counters[index] = securityCounter;
    }
}
