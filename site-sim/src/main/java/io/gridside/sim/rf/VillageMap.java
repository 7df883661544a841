package io.gridside.sim.rf;

import java.util.Arrays;

/**
 * Where a village's meters stand, in metres east and north of the gateway, which stands at the site's origin
 * beside the powerhouse. Indexed like the site's meters.
 */
public final class VillageMap {

    private final LocalFrame frame;
    private final double[] east;
    private final double[] north;
    private final double marketEast;
    private final double marketNorth;
    private final double marketRadius;

    /** @param market the market square's middle, east and north, and its radius, all in metres */
    VillageMap(LocalFrame frame, double[] east, double[] north, double[] market) {
        if (east.length != north.length) {
            throw new IllegalArgumentException("east and north must have one entry per meter");
        }
        this.frame = frame;
        this.east = east.clone();
        this.north = north.clone();
        this.marketEast = market[0];
        this.marketNorth = market[1];
        this.marketRadius = market[2];
    }

    public int meters() {
        return east.length;
    }

    public LocalFrame frame() {
        return frame;
    }

    public GeoPoint gateway() {
        return frame.origin();
    }

    public GeoPoint meter(int index) {
        return frame.toGeo(east[index], north[index]);
    }

    public double east(int index) {
        return east[index];
    }

    public double north(int index) {
        return north[index];
    }

    /** The middle of the market square, where the shops are. */
    public GeoPoint market() {
        return frame.toGeo(marketEast, marketNorth);
    }

    public double marketRadiusMetres() {
        return marketRadius;
    }

    /**
     * The same village with its gateway at {@code origin}: every meter as far and in the same direction from it,
     * as a site's own location places the village a simulation generated elsewhere.
     */
    public VillageMap movedTo(GeoPoint origin) {
        return new VillageMap(new LocalFrame(origin), east, north,
                new double[] {marketEast, marketNorth, marketRadius});
    }

    /** Metres between meter {@code index} and the gateway. */
    public double fromGateway(int index) {
        return Math.hypot(east[index], north[index]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VillageMap map && frame.equals(map.frame) && Arrays.equals(east, map.east)
                && Arrays.equals(north, map.north) && marketEast == map.marketEast
                && marketNorth == map.marketNorth && marketRadius == map.marketRadius;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(east) + Arrays.hashCode(north);
    }
}
