package io.gridside.sim.rf;

/**
 * A place on the ground, in decimal degrees (WGS 84).
 *
 * @param latitude north positive, from -90 to 90
 * @param longitude east positive, from -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90, was " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180, was " + longitude);
        }
    }
}
