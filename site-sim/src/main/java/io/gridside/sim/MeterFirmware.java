package io.gridside.sim;

/**
 * The firmware each simulated meter runs, drawn from the site's seed by the meter's hardware revision, as a real
 * site's meters come from batches bought years apart and are only partly upgraded: the first revision cannot take
 * the current line and stays on an older one, the second is mostly upgraded, the third mostly ships current. About
 * three in four meters run the current version, one in seven the previous, one in ten an older one.
 */
final class MeterFirmware {

    /** The version the meter maker ships now. */
    static final String CURRENT = "mtr-3.2.0";
    /** The version before it, which meters not yet reached by a campaign still run. */
    static final String PREVIOUS = "mtr-3.1.4";
    /** The last version the first hardware revision takes. */
    static final String OLDER = "mtr-2.9.7";

    /** Salt that keeps these draws apart from the site's other draws of the same seed. */
    private static final long NOISE = 0x4F1B_7C3DL;
    private static final double FIRST_REVISION = 0.10;
    private static final double SECOND_REVISION = 0.40;
    private static final double SECOND_REVISION_CURRENT = 0.70;
    private static final double THIRD_REVISION_CURRENT = 0.90;

    private MeterFirmware() {
    }

    /** The firmware of each of {@code meters} meters, in the site's order. */
    static String[] of(long seed, int meters) {
        String[] firmware = new String[meters];
        for (int meter = 0; meter < meters; meter++) {
            firmware[meter] = ofMeter(seed, meter);
        }
        return firmware;
    }

    private static String ofMeter(long seed, int meter) {
        double revision = Noise.unit(seed, NOISE, meter, 1);
        if (revision < FIRST_REVISION) {
            return OLDER;
        }
        double upgraded = Noise.unit(seed, NOISE, meter, 2);
        double current = revision < SECOND_REVISION ? SECOND_REVISION_CURRENT : THIRD_REVISION_CURRENT;
        return upgraded < current ? CURRENT : PREVIOUS;
    }
}
