package org.district.plugins.courierstations.geo;

/**
 * GCJ-02, the offset datum Chinese map apps (AMap, Tencent, WeChat) show and report. The module
 * stores WGS-84 and converts at the edges. The forward formula is the published one (as in the
 * eviltransform reference implementation, with its test pairs in {@code Gcj02Test}); there is no
 * closed-form inverse, so {@link #toWgs84} iterates the forward formula until it lands within a
 * millimetre. Outside mainland China's rough rectangle, GCJ-02 equals WGS-84.
 */
public final class Gcj02 {

    private static final double A = 6_378_245.0;
    private static final double EE = 0.00669342162296594323;

    private Gcj02() {
    }

    /** Whether the point lies outside the rectangle in which GCJ-02 applies an offset. */
    public static boolean outOfChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS-84 to GCJ-02. */
    public static GeoPoint fromWgs84(GeoPoint wgs) {
        if (outOfChina(wgs.lat(), wgs.lon())) {
            return wgs;
        }
        double[] d = delta(wgs.lat(), wgs.lon());
        return new GeoPoint(wgs.lat() + d[0], wgs.lon() + d[1]);
    }

    /** GCJ-02 to WGS-84, exact to about a millimetre. */
    public static GeoPoint toWgs84(GeoPoint gcj) {
        if (outOfChina(gcj.lat(), gcj.lon())) {
            return gcj;
        }
        double[] d = delta(gcj.lat(), gcj.lon());
        double lat = gcj.lat() - d[0];
        double lon = gcj.lon() - d[1];
        for (int i = 0; i < 30; i++) {
            double[] at = delta(lat, lon);
            double errLat = lat + at[0] - gcj.lat();
            double errLon = lon + at[1] - gcj.lon();
            lat -= errLat;
            lon -= errLon;
            if (Math.abs(errLat) < 1e-10 && Math.abs(errLon) < 1e-10) {
                break;
            }
        }
        return new GeoPoint(lat, lon);
    }

    private static double[] delta(double lat, double lon) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double xPi = x * Math.PI;
        double yPi = y * Math.PI;
        double d = 20.0 * Math.sin(6.0 * xPi) + 20.0 * Math.sin(2.0 * xPi);
        double dLat = d + 20.0 * Math.sin(yPi) + 40.0 * Math.sin(yPi / 3.0) + 160.0 * Math.sin(yPi / 12.0) + 320 * Math.sin(yPi / 30.0);
        double dLon = d + 20.0 * Math.sin(xPi) + 40.0 * Math.sin(xPi / 3.0) + 150.0 * Math.sin(xPi / 12.0) + 300.0 * Math.sin(xPi / 30.0);
        dLat *= 2.0 / 3.0;
        dLon *= 2.0 / 3.0;
        double absX = Math.sqrt(Math.abs(x));
        dLat += -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * absX;
        dLon += 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * absX;
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] { dLat, dLon };
    }
}
