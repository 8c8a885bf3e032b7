package io.fleetdeck.app;

import io.fleetdeck.core.media.EncodeEngine;
import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.EncoderChoice;
import io.fleetdeck.core.media.OutputTarget;
import io.fleetdeck.core.media.StreamStats;
import io.fleetdeck.media.JavaCvEncodeEngine;
import io.fleetdeck.media.metrics.EncodeMetrics;
import io.fleetdeck.media.metrics.MetricsEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code fleetdeck encode}: a test stream from this machine's encoder, to check a receiver, a network path or
 * what the encoder ladder picks here. Exit codes: 0 done, 1 the encode failed, 2 bad input, 130 interrupted.
 */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode a test pattern (SMPTE bars, timecode, frame counter) to a file or a stream.")
final class EncodeCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)([kKmM]?)");

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "720p25",
            description = "360p25, 720p25, 1080p25 or 2160p25 (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--output", paramLabel = "TARGET", required = true,
            description = "file:/tmp/x.ts|x.mp4, udp://host:port, rtp://host:port[?sdp=FILE], srt://host:port, rtmp://host/app/key, hls:/dir/index.m3u8")
    String output;

    @Option(names = "--duration", paramLabel = "TIME", description = "Content to encode: 10s, 500ms, 2m (default: until Ctrl-C).")
    String duration;

    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "auto",
            description = "auto (NVENC → VAAPI → QSV → libx264 → libopenh264) or one encoder (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--realtime", description = "Pace to the wall clock like ffmpeg -re (default: as fast as possible).")
    boolean realtime;

    @Option(names = "--low-latency", description = "Zero-latency tuning, half-second GOP.")
    boolean lowLatency;

    @Option(names = "--size", paramLabel = "WxH", description = "Override the profile's resolution.")
    String size;

    @Option(names = "--bitrate", paramLabel = "RATE", description = "Override the profile's bitrate: 2500k, 5M.")
    String bitrate;

    @Option(names = "--name", paramLabel = "TEXT", description = "Stream name burnt into the picture (default: the profile's).")
    String name;

    @Option(names = "--tone", description = "Add a 1 kHz AAC tone (not with rtp://).")
    boolean tone;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve the stream's statistics for Prometheus on this port while encoding (0 = any free port).")
    Integer metricsPort;

    @Option(names = "--metrics-address", paramLabel = "ADDR", defaultValue = MetricsEndpoint.LOOPBACK,
            description = "Address the metrics endpoint binds (default: ${DEFAULT-VALUE}; 0.0.0.0 = every interface).")
    String metricsAddress;

    PrintStream out = System.out;
    PrintStream err = System.err;
    EncodeEngine engine;

    @Override
    public Integer call() {
        EncodeRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            err.println("encode: " + e.getMessage());
            return 2;
        }
        EncodeMetrics metrics = new EncodeMetrics();
        MetricsEndpoint endpoint = null;
        if (metricsPort != null) {
            try {
                endpoint = MetricsEndpoint.start(metricsAddress, metricsPort, metrics);
            } catch (IllegalArgumentException e) {
                err.println("encode: " + e.getMessage());
                return 2;
            }
        }
        try {
            return encode(request, metrics, endpoint);
        } finally {
            if (endpoint != null) {
                endpoint.close();
            }
        }
    }

    private int encode(EncodeRequest request, EncodeMetrics metrics, MetricsEndpoint endpoint) {
        EncodeEngine eng = engine != null ? engine : new JavaCvEncodeEngine();
        EncodeSession session;
        try {
            session = eng.start(request);
        } catch (EncodeException e) {
            err.println("encode: " + e.getMessage());
            return e.getMessage().startsWith("unsupported encoder") ? 2 : 1;
        }
        metrics.attach(session);
        printLadder(session.encoder());
        out.printf(Locale.ROOT, "encoding %s → %s%s%n", request.profile(), request.output(), request.realtime() ? " (real time)" : "");
        if (endpoint != null) {
            out.println("metrics for Prometheus: " + endpoint.url());
        }
        // Ctrl-C must still finish the container (MP4 without its index is unreadable) and free the encoder.
        Thread hook = new Thread(session::stop, "fleetdeck-encode-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Optional<StreamStats> done;
            while ((done = session.awaitEnd(Duration.ofSeconds(1))).isEmpty()) {
                out.println("  " + session.stats());
            }
            Runtime.getRuntime().removeShutdownHook(hook);
            if (session.failure().isPresent()) {
                err.println("encode: " + session.failure().get().getMessage());
                return 1;
            }
            StreamStats s = done.get();
            out.printf(Locale.ROOT, "done: %d frames (%d dropped) in %.1f s, %.1f fps, %.0f kb/s, encode %.1f ms/frame, %d bytes%n",
                    s.frames(), s.dropped(), s.elapsed().toMillis() / 1000.0, s.fps(), s.bitrate() / 1000, s.encodeLatencyMs(), s.bytes());
            return 0;
        } catch (InterruptedException e) {
            session.stop();
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private void printLadder(EncoderChoice choice) {
        for (EncoderChoice.Rejection r : choice.rejected()) {
            out.println("  skipped " + r.encoder() + ": " + r.reason());
        }
        out.println("  using " + choice.encoder() + (choice.hardware() ? " (hardware)" : " (software)"));
    }

    EncodeRequest request() {
        EncodeProfile p = EncodeProfile.preset(profile).orElseThrow(() -> new IllegalArgumentException(
                "unknown profile '" + profile + "': use one of " + EncodeProfile.presets().stream().map(EncodeProfile::name).toList()));
        if (size != null) {
            Matcher m = SIZE.matcher(size.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("size '" + size + "' is not WIDTHxHEIGHT, e.g. 1280x720");
            }
            p = p.withSize(parseInt(m.group(1), "width"), parseInt(m.group(2), "height"));
        }
        if (bitrate != null) {
            p = p.withBitrate(parseRate(bitrate));
        }
        if (lowLatency) {
            p = p.asLowLatency();
        }
        return new EncodeRequest(name, p, OutputTarget.parse(output), encoder, realtime,
                duration == null ? null : parseDuration(duration), tone);
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("duration '" + text + "' is not like 10s, 500ms or 2m");
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> v;
            case "m" -> v * 60_000;
            case "h" -> v * 3_600_000;
            default -> v * 1000;
        };
        if (millis < 1) {
            throw new IllegalArgumentException("duration '" + text + "' is too short");
        }
        return Duration.ofMillis(Math.round(millis));
    }

    static long parseRate(String text) {
        Matcher m = RATE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("bitrate '" + text + "' is not like 2500k or 5M");
        }
        double v = Double.parseDouble(m.group(1));
        return Math.round(switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> v * 1e3;
            case "m" -> v * 1e6;
            default -> v;
        });
    }

    private static int parseInt(String digits, String what) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " " + digits + " is absurd");
        }
    }
}
