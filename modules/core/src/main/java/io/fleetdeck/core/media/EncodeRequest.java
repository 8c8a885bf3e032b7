package io.fleetdeck.core.media;

import java.time.Duration;

/**
 * One test stream to encode.
 *
 * @param streamName burnt into the picture so a wall of previews shows which stream is which
 * @param encoder    {@code auto} to walk the ladder, or one FFmpeg encoder name to use only that one
 * @param realtime   pace frames to the wall clock (like {@code ffmpeg -re}), dropping frames when behind;
 *                   otherwise encode as fast as the machine allows
 * @param duration   content length to encode; {@code null} runs until stopped
 * @param tone       add a 1 kHz tone as an AAC audio track (not on single-stream outputs such as RTP)
 */
public record EncodeRequest(String streamName, EncodeProfile profile, OutputTarget output, String encoder,
                            boolean realtime, Duration duration, boolean tone) {
    public static final String AUTO = "auto";

    public EncodeRequest {
        if (profile == null || output == null) {
            throw new IllegalArgumentException("a request needs a profile and an output");
        }
        streamName = streamName == null || streamName.isBlank() ? profile.name() : streamName;
        encoder = encoder == null || encoder.isBlank() ? AUTO : encoder.trim();
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
        if (tone && output.singleStream()) {
            throw new IllegalArgumentException("an RTP output carries one stream: drop the tone or use udp/srt/rtmp");
        }
    }

    public static EncodeRequest of(EncodeProfile profile, OutputTarget output, Duration duration) {
        return new EncodeRequest(profile.name(), profile, output, AUTO, false, duration, false);
    }

    public EncodeRequest realtime(boolean paced) {
        return new EncodeRequest(streamName, profile, output, encoder, paced, duration, tone);
    }

    public EncodeRequest withEncoder(String name) {
        return new EncodeRequest(streamName, profile, output, name, realtime, duration, tone);
    }

    public EncodeRequest withTone(boolean on) {
        return new EncodeRequest(streamName, profile, output, encoder, realtime, duration, on);
    }

    public EncodeRequest named(String name) {
        return new EncodeRequest(name, profile, output, encoder, realtime, duration, tone);
    }

    /** Frames to encode, or {@code Long.MAX_VALUE} when the session runs until stopped. */
    public long frameLimit() {
        return duration == null ? Long.MAX_VALUE : profile.frames(duration.toNanos() / 1e9);
    }
}
