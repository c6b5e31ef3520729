package org.district.plugins.courierstations.coverage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Demand points (WGS-84) with weights, in plain arrays; packed into chunks of {@value #CHUNK} for storage. */
public final class DemandPoints {

    /** Points per stored chunk: 24 bytes each, so a chunk is under 200 KB. */
    public static final int CHUNK = 8192;
    private static final int BYTES = 24;

    private final double[] lat;
    private final double[] lon;
    private final double[] weight;

    public DemandPoints(double[] lat, double[] lon, double[] weight) {
        if (lat.length != lon.length || lat.length != weight.length) {
            throw new IllegalArgumentException("latitudes, longitudes and weights differ in number");
        }
        this.lat = lat;
        this.lon = lon;
        this.weight = weight;
    }

    public int size() {
        return lat.length;
    }

    public double lat(int i) {
        return lat[i];
    }

    public double lon(int i) {
        return lon[i];
    }

    public double weight(int i) {
        return weight[i];
    }

    public double totalWeight() {
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        return total;
    }

    /** The points in chunks for storage, in order. */
    public List<byte[]> chunks() {
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < size(); from += CHUNK) {
            int to = Math.min(size(), from + CHUNK);
            ByteBuffer buffer = ByteBuffer.allocate((to - from) * BYTES);
            for (int i = from; i < to; i++) {
                buffer.putDouble(lat[i]).putDouble(lon[i]).putDouble(weight[i]);
            }
            chunks.add(buffer.array());
        }
        return chunks;
    }

    /** The points back from their chunks, given in order. */
    public static DemandPoints fromChunks(List<byte[]> chunks) {
        int n = chunks.stream().mapToInt(c -> c.length / BYTES).sum();
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] weight = new double[n];
        int i = 0;
        for (byte[] chunk : chunks) {
            ByteBuffer buffer = ByteBuffer.wrap(chunk);
            while (buffer.remaining() >= BYTES) {
                lat[i] = buffer.getDouble();
                lon[i] = buffer.getDouble();
                weight[i] = buffer.getDouble();
                i++;
            }
        }
        return new DemandPoints(lat, lon, weight);
    }
}
