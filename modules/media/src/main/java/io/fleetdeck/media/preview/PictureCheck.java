package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewState;

import java.nio.IntBuffer;

/**
 * Frozen-picture and black-picture detection on decoded ARGB frames. Samples a sparse grid of pixels so a
 * check costs microseconds: a live encoder's burnt-in counter or moving element changes the samples every
 * frame; a frozen picture keeps them equal; a black one keeps their luma near zero.
 */
final class PictureCheck {
    static final long FROZEN_AFTER_NANOS = 2_000_000_000L;
    static final long BLACK_AFTER_NANOS = 1_000_000_000L;
    /** Below this mean luma (0..255, BT.601) a picture counts as black; studio black is 16. */
    static final double BLACK_LUMA = 20;
    /**
     * A sample "moved" when its luma changed more than this: an encoder refining a still picture (x264 keeps
     * improving a static frame at a constant bitrate) changes pixels by a few levels, real motion by far more.
     */
    static final int MOVED_LUMA = 24;
    /** How many moved samples make a picture change: a moving element or a ticking counter gives several. */
    static final int MOVED_SAMPLES = 2;
    private static final int SAMPLES = 1024;

    private int[] previous = new int[0];
    /** When the picture last changed: frozen is measured from there, not from the first repeat. */
    private long changedAt = -1;
    private long blackSince = -1;

    /** Looks at one frame taken at {@code nowNanos}; returns FROZEN, BLACK or PLAYING. */
    PreviewState check(IntBuffer argb, int pixels, long nowNanos) {
        int step = Math.max(1, pixels / SAMPLES);
        int count = (pixels + step - 1) / step;
        boolean first = previous.length != count;
        if (first) {
            previous = new int[count];
        }
        double lumaSum = 0;
        int moved = 0;
        for (int i = 0, k = 0; i < pixels && k < count; i += step, k++) {
            int p = argb.get(i);
            int luma = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 1000;
            if (!first && Math.abs(luma - previous[k]) > MOVED_LUMA) {
                moved++;
            }
            previous[k] = luma;
            lumaSum += luma;
        }
        double luma = lumaSum / Math.max(1, count);

        if (luma < BLACK_LUMA) {
            blackSince = blackSince < 0 ? nowNanos : blackSince;
        } else {
            blackSince = -1;
        }
        if (first || moved >= MOVED_SAMPLES || changedAt < 0) {
            changedAt = nowNanos;
        }
        // Black wins: a black picture is also a frozen one, and "black" tells the operator more.
        if (blackSince >= 0 && nowNanos - blackSince >= BLACK_AFTER_NANOS) {
            return PreviewState.BLACK;
        }
        if (nowNanos - changedAt >= FROZEN_AFTER_NANOS) {
            return PreviewState.FROZEN;
        }
        return PreviewState.PLAYING;
    }

    void reset() {
        previous = new int[0];
        changedAt = -1;
        blackSince = -1;
    }
}
