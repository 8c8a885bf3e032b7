package io.fleetdeck.core.media;

/**
 * How to decode a preview: the tile's size (the decoder scales to it), keyframes only for walls (a few
 * percent of a core per stream instead of a full decode), low-latency input options for own streams, and the
 * stream's codec when it is already known ({@code h264}, {@code hevc}, …; empty if not), which lets a full decode
 * start on the GPU's decoder instead of probing in software first.
 */
public record PreviewRequest(int width, int height, boolean keyframesOnly, boolean lowLatency, String codecHint) {
    public PreviewRequest {
        if (width < 16 || height < 16 || width > 3840 || height > 2160) {
            throw new IllegalArgumentException("preview size " + width + "x" + height + " is outside 16x16..3840x2160");
        }
        codecHint = codecHint == null ? "" : codecHint.trim();
    }

    public PreviewRequest(int width, int height, boolean keyframesOnly, boolean lowLatency) {
        this(width, height, keyframesOnly, lowLatency, "");
    }

    public static PreviewRequest tile(int width, int height) {
        return new PreviewRequest(width, height, true, false);
    }

    /** The same request for a stream known to be in {@code codec}. */
    public PreviewRequest withCodecHint(String codec) {
        return new PreviewRequest(width, height, keyframesOnly, lowLatency, codec);
    }
}
