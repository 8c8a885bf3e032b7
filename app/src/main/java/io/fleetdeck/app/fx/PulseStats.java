package io.fleetdeck.app.fx;

import java.util.Arrays;

/**
 * How long the UI thread spent applying each pulse, over the last few thousand pulses: the figure behind
 * "no pulse over 50 ms". Written and read on the UI thread.
 */
public final class PulseStats {
    private final long[] ring = new long[4096];
    private int size;
    private int next;
    private long total;

    public void record(long nanos) {
        ring[next] = nanos;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
        total++;
    }

    /** Pulses recorded since the start (the ring keeps only the latest). */
    public long count() {
        return total;
    }

    public long percentileNanos(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(ring, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(index, size - 1))];
    }

    public long maxNanos() {
        return percentileNanos(100);
    }

    public void reset() {
        size = 0;
        next = 0;
        total = 0;
    }
}
