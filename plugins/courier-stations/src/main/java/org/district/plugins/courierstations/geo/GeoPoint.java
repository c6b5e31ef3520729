package org.district.plugins.courierstations.geo;

/** A point on the earth in WGS-84 degrees, as the module stores it. */
public record GeoPoint(double lat, double lon) {

    /** The mean earth radius in metres, for great-circle distances. */
    public static final double EARTH_RADIUS = 6_371_008.8;

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude must be between -90 and 90, was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude must be between -180 and 180, was " + lon);
        }
    }

    /** The great-circle distance in metres (haversine). */
    public double distanceTo(GeoPoint other) {
        return distance(lat, lon, other.lat, other.lon);
    }

    /** The great-circle distance in metres between two points given in degrees (haversine). */
    public static double distance(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinDPhi = Math.sin((phi2 - phi1) / 2);
        double sinDLambda = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double h = sinDPhi * sinDPhi + Math.cos(phi1) * Math.cos(phi2) * sinDLambda * sinDLambda;
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
