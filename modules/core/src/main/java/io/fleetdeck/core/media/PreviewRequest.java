package io.fleetdeck.core.media;

/**
 * How to decode a preview: the tile's size (the decoder scales to it), keyframes only for walls (a few
 * percent of a core per stream instead of a full decode), and low-latency input options for own streams.
 */
public record PreviewRequest(int width, int height, boolean keyframesOnly, boolean lowLatency) {
    public PreviewRequest {
        if (width < 16 || height < 16 || width > 3840 || height > 2160) {
            throw new IllegalArgumentException("preview size " + width + "x" + height + " is outside 16x16..3840x2160");
        }
    }

    public static PreviewRequest tile(int width, int height) {
        return new PreviewRequest(width, height, true, false);
    }
}
