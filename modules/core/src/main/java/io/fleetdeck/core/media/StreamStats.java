package io.fleetdeck.core.media;

import java.time.Duration;
import java.util.Locale;

/**
 * A session's counters and rates.
 *
 * @param frames           frames encoded and sent
 * @param dropped          frames skipped because the encoder fell behind real time
 * @param bytes            bytes written by the muxer (container overhead included: it is what the wire carries)
 * @param fps              encoded frames per second over the last interval (the whole run in a summary)
 * @param bitrate          muxed bits per second of content over the last interval (the whole run in a summary)
 * @param encodeLatencyMs  mean time a frame spends in the encoder call; with zero-latency tuning, frame in to packet out
 * @param elapsed          wall time since the session started
 */
public record StreamStats(long frames, long dropped, long bytes, double fps, double bitrate, double encodeLatencyMs,
                          Duration elapsed) {
    public static final StreamStats EMPTY = new StreamStats(0, 0, 0, 0, 0, 0, Duration.ZERO);

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%6.1f fps  %7.0f kb/s  frames %d  dropped %d  encode %.1f ms  %s",
                fps, bitrate / 1000, frames, dropped, encodeLatencyMs, format(elapsed));
    }

    private static String format(Duration d) {
        return String.format(Locale.ROOT, "%d.%01ds", d.toSeconds(), d.toMillisPart() / 100);
    }
}
