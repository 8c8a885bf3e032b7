package io.fleetdeck.core.media;

import java.time.Instant;

/**
 * A preview's health: state and why, decoded frame rate (key frames only on walls), the stream's own frame rate
 * from its headers, the source's codec and size, the stream's bit rate (what the input read over the last second or
 * so, container included; the container's declared rate until then), when a good picture was last seen, how often
 * it reconnected, and which decoder runs ({@code h264_cuvid (NVDEC)}, {@code h264 (software)}, with why NVDEC is not
 * used when it was tried).
 */
public record PreviewStatus(PreviewState state, String message, double fps, double streamFps, String codec,
                            int sourceWidth, int sourceHeight, long bitrate, Instant lastGood, int reconnects,
                            String decoder) {
    public PreviewStatus {
        decoder = decoder == null ? "" : decoder;
    }

    /** A status whose decoder is not known (yet). */
    public PreviewStatus(PreviewState state, String message, double fps, double streamFps, String codec,
                         int sourceWidth, int sourceHeight, long bitrate, Instant lastGood, int reconnects) {
        this(state, message, fps, streamFps, codec, sourceWidth, sourceHeight, bitrate, lastGood, reconnects, "");
    }

    public static PreviewStatus connecting() {
        return new PreviewStatus(PreviewState.CONNECTING, "", 0, 0, "", 0, 0, 0, null, 0);
    }

    public PreviewStatus with(PreviewState newState, String newMessage) {
        return new PreviewStatus(newState, newMessage, fps, streamFps, codec, sourceWidth, sourceHeight, bitrate,
                lastGood, reconnects, decoder);
    }
}
