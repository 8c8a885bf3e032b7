package io.fleetdeck.core.media;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one encode session should produce: picture size, frame rate, constant bitrate and GOP.
 * The presets mirror the fleet's deployments ({@code 1080p25} at 5 Mb/s is the density tables' profile).
 *
 * @param bitrate bits per second, encoded as constant bitrate so a stream's bandwidth is predictable on the wire
 * @param gop     frames between key frames
 * @param lowLatency tune the encoder for latency (no look-ahead, no B-frames) rather than efficiency
 */
public record EncodeProfile(String name, int width, int height, int fps, long bitrate, int gop, boolean lowLatency) {
    /** Largest picture any encoder in the ladder accepts (NVENC/x264 level 6.2 limits are above 8K; 8K is absurd enough). */
    public static final int MAX_WIDTH = 7680;
    public static final int MAX_HEIGHT = 4320;

    public static final EncodeProfile P360 = new EncodeProfile("360p25", 640, 360, 25, 800_000, 50, false);
    public static final EncodeProfile P720 = new EncodeProfile("720p25", 1280, 720, 25, 2_500_000, 50, false);
    public static final EncodeProfile P1080 = new EncodeProfile("1080p25", 1920, 1080, 25, 5_000_000, 50, false);
    public static final EncodeProfile P2160 = new EncodeProfile("2160p25", 3840, 2160, 25, 16_000_000, 50, false);

    public EncodeProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        // Even sizes: 4:2:0 chroma halves both dimensions, and every hardware encoder rejects odd ones.
        if (width < 16 || height < 16 || width > MAX_WIDTH || height > MAX_HEIGHT || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("resolution " + width + "x" + height + " is not encodable: width and height must be"
                    + " even, at least 16 and at most " + MAX_WIDTH + "x" + MAX_HEIGHT);
        }
        if (fps < 1 || fps > 240) {
            throw new IllegalArgumentException("frame rate " + fps + " is outside 1..240 fps");
        }
        if (bitrate < 10_000 || bitrate > 1_000_000_000L) {
            throw new IllegalArgumentException("bitrate " + bitrate + " b/s is outside 10 kb/s..1 Gb/s");
        }
        if (gop < 1) {
            throw new IllegalArgumentException("GOP must be at least one frame, was " + gop);
        }
    }

    public static List<EncodeProfile> presets() {
        return List.of(P360, P720, P1080, P2160);
    }

    public static Optional<EncodeProfile> preset(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return presets().stream().filter(p -> p.name.equals(wanted)).findFirst();
    }

    /** The same picture for interactive use: half-second GOP so a joining viewer waits little, no look-ahead. */
    public EncodeProfile asLowLatency() {
        return new EncodeProfile(name, width, height, fps, bitrate, Math.max(1, fps / 2), true);
    }

    public EncodeProfile withBitrate(long bitsPerSecond) {
        return new EncodeProfile(name, width, height, fps, bitsPerSecond, gop, lowLatency);
    }

    public EncodeProfile withSize(int w, int h) {
        return new EncodeProfile(name, w, h, fps, bitrate, gop, lowLatency);
    }

    /** Frames in {@code seconds} of content. */
    public long frames(double seconds) {
        return Math.round(seconds * fps);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %dx%d@%d %.1f Mb/s GOP %d%s", name, width, height, fps, bitrate / 1e6, gop,
                lowLatency ? " low-latency" : "");
    }
}
