package io.yewu.customer.internal.visit;

/** Great-circle distance between two points on the earth (haversine, mean radius), in metres. */
public final class GeoDistance {

    static final double EARTH_RADIUS_M = 6_371_008.8;

    private GeoDistance() {}

    public static double metres(double lat1, double lng1, double lat2, double lng2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
