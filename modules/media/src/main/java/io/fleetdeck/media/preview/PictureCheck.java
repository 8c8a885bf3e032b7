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
    private static final int SAMPLES = 1024;

    private long lastSignature = Long.MIN_VALUE;
    /** When the picture last changed: frozen is measured from there, not from the first repeat. */
    private long changedAt = -1;
    private long blackSince = -1;

    /** Looks at one frame taken at {@code nowNanos}; returns FROZEN, BLACK or PLAYING. */
    PreviewState check(IntBuffer argb, int pixels, long nowNanos) {
        int step = Math.max(1, pixels / SAMPLES);
        long signature = 1125899906842597L;
        double luma = 0;
        int n = 0;
        for (int i = 0; i < pixels; i += step) {
            int p = argb.get(i);
            signature = 31 * signature + p;
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            luma += 0.299 * r + 0.587 * g + 0.114 * b;
            n++;
        }
        luma /= Math.max(1, n);

        if (luma < BLACK_LUMA) {
            blackSince = blackSince < 0 ? nowNanos : blackSince;
        } else {
            blackSince = -1;
        }
        if (signature != lastSignature || changedAt < 0) {
            changedAt = nowNanos;
            lastSignature = signature;
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
        lastSignature = Long.MIN_VALUE;
        changedAt = -1;
        blackSince = -1;
    }
}
