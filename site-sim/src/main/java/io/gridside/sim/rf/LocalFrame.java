package io.gridside.sim.rf;

/**
 * Metres east and north of a site's origin, and back to latitude and longitude.
 *
 * <p>A village spans a few kilometres at most, so a flat projection around the origin (equirectangular) is off by
 * well under a metre, which is far below the shadowing the radio model adds anyway.
 */
public record LocalFrame(GeoPoint origin) {

    /** Metres in one degree of latitude, and of longitude at the equator. */
    private static final double METRES_PER_DEGREE = 111_320;

    public GeoPoint toGeo(double east, double north) {
        double latitude = origin.latitude() + north / METRES_PER_DEGREE;
        double longitude = origin.longitude() + east / (METRES_PER_DEGREE * cosLatitude());
        return new GeoPoint(latitude, longitude);
    }

    public double east(GeoPoint point) {
        return (point.longitude() - origin.longitude()) * METRES_PER_DEGREE * cosLatitude();
    }

    public double north(GeoPoint point) {
        return (point.latitude() - origin.latitude()) * METRES_PER_DEGREE;
    }

    private double cosLatitude() {
        return StrictMath.cos(StrictMath.toRadians(origin.latitude()));
    }
}
