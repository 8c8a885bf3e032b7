package io.fleetdeck.media;

import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.OutputTarget;
import io.fleetdeck.core.media.StreamStats;
import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Engine throughput against the {@code ffmpeg} command line doing the same work: the same lavfi graph (bars,
 * overlay, text), libx264 ultrafast CBR at the profile's bitrate, as fast as possible, into an MPEG-TS file.
 * Compared with FFmpeg's own binary from the JavaCV bundle (same libraries, so the ratio isolates the Java side)
 * and with the system's {@code ffmpeg} when there is one.
 *
 * <p>{@code java ... io.fleetdeck.media.EncodeBenchmark [frames=500] [runs=3] [profile=1080p25]}
 */
public final class EncodeBenchmark {
    private EncodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EncodeProfile profile = EncodeProfile.preset(args.length > 2 ? args[2] : "1080p25").orElseThrow();
        Path dir = Files.createTempDirectory("fleetdeck-bench");
        JavaCvEncodeEngine engine = new JavaCvEncodeEngine();
        String bundled = bundledFfmpeg();
        String system = onPath("ffmpeg");

        engine(engine, profile, Math.min(frames, 50), dir); // warm-up: natives loaded, JIT compiled
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            double e = engine(engine, profile, frames, dir);
            double b = bundled == null ? Double.NaN : cli(bundled, profile, frames, dir);
            double s = system == null ? Double.NaN : cli(system, profile, frames, dir);
            rows.add(new double[] {e, b, s});
        }
        System.out.printf(Locale.ROOT, "%s, %d frames, libx264 ultrafast CBR %.1f Mb/s, as fast as possible, %d CPUs%n",
                profile, frames, profile.bitrate() / 1e6, Runtime.getRuntime().availableProcessors());
        String fmt = "%-6s %10s %14s %8s %14s %8s%n";
        System.out.printf(Locale.ROOT, fmt, "RUN", "ENGINE FPS", "FFMPEG 8 FPS", "RATIO", "SYSTEM FPS", "RATIO");
        for (int i = 0; i < rows.size(); i++) {
            print(fmt, Integer.toString(i + 1), rows.get(i));
        }
        print(fmt, "median", new double[] {median(rows, 0), median(rows, 1), median(rows, 2)});
        deleteAll(dir);
    }

    private static void print(String fmt, String label, double[] r) {
        System.out.printf(Locale.ROOT, fmt, label, f(r[0]), f(r[1]), ratio(r[0], r[1]), f(r[2]), ratio(r[0], r[2]));
    }

    private static double engine(JavaCvEncodeEngine engine, EncodeProfile p, int frames, Path dir) throws EncodeException,
            InterruptedException {
        Duration content = Duration.ofMillis(frames * 1000L / p.fps());
        EncodeRequest req = EncodeRequest.of(p, OutputTarget.parse(dir.resolve("engine.ts").toString()), content)
                .withEncoder("libx264").named("bench");
        // Wall time from open to close, like the command line's process time: opening and flushing count too.
        long t0 = System.nanoTime();
        try (EncodeSession s = engine.start(req)) {
            StreamStats done = s.awaitEnd(Duration.ofMinutes(10)).orElseThrow();
            if (s.failure().isPresent()) {
                throw s.failure().get();
            }
            s.stop();
            return done.frames() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static double cli(String ffmpeg, EncodeProfile p, int frames, Path dir) throws IOException, InterruptedException {
        String graph = TestPatternSource.graph(p, "bench", false, TestPatternSource.font());
        String rate = Long.toString(p.bitrate());
        List<String> cmd = new ArrayList<>(Arrays.asList(ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", graph, "-frames:v", Integer.toString(frames),
                "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "baseline", "-b:v", rate, "-maxrate", rate,
                "-bufsize", rate, "-x264-params", "nal-hrd=cbr:force-cfr=1", "-g", Integer.toString(p.gop()),
                "-f", "mpegts", dir.resolve("cli.ts").toString()));
        long t0 = System.nanoTime();
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes());
        int rc = proc.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IOException(ffmpeg + " failed (" + rc + "): " + out);
        }
        return frames / seconds;
    }

    /** The ffmpeg binary of the JavaCV bundle; it links libavdevice, so it does not run where X11/Pulse libraries are missing. */
    private static String bundledFfmpeg() {
        try {
            return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        } catch (UnsatisfiedLinkError e) {
            System.out.println("bundled ffmpeg unusable here: " + e.getMessage());
            return null;
        }
    }

    private static String onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static double median(List<double[]> rows, int col) {
        double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(b) ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
