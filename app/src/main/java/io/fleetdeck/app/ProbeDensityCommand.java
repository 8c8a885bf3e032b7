package io.fleetdeck.app;

import io.fleetdeck.core.media.DensityProbe;
import io.fleetdeck.core.media.EncodeEngine;
import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.media.JavaCvEncodeEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code fleetdeck probe-density}: how many real-time sessions of a profile this machine's encoder holds,
 * measured the way the density table in FIELD.md was (N paced sessions at once, the slowest must keep up).
 */
@Command(name = "probe-density", mixinStandardHelpOptions = true,
        description = "Find the largest number of concurrent real-time sessions of a profile that hold its frame rate.")
final class ProbeDensityCommand implements Callable<Integer> {
    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "360p25",
            description = "360p25, 720p25, 1080p25 or 2160p25 (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--encoder", paramLabel = "NAME", defaultValue = "auto", description = "auto or one encoder.")
    String encoder;

    @Option(names = "--max", paramLabel = "N", defaultValue = "64", description = "Most sessions to try (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--step-seconds", paramLabel = "S", defaultValue = "6", description = "Seconds per step (default: ${DEFAULT-VALUE}).")
    int stepSeconds;

    PrintStream out = System.out;
    PrintStream err = System.err;
    EncodeEngine engine;

    @Override
    public Integer call() {
        EncodeProfile p = EncodeProfile.preset(profile).orElse(null);
        if (p == null || max < 1 || stepSeconds < 2) {
            err.println("probe-density: need a known --profile (360p25, 720p25, 1080p25, 2160p25), --max ≥ 1 and "
                    + "--step-seconds ≥ 2");
            return 2;
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("fleetdeck-density");
        } catch (IOException e) {
            err.println("probe-density: no scratch directory: " + e.getMessage());
            return 1;
        }
        try {
            out.printf(Locale.ROOT, "%-9s %9s %9s %8s  %s%n", "SESSIONS", "MIN FPS", "MEAN FPS", "DROPPED", "HELD");
            DensityProbe.Result r = new DensityProbe(engine != null ? engine : new JavaCvEncodeEngine(),
                    Duration.ofSeconds(stepSeconds), 0.95, scratch).run(p, encoder, max,
                    s -> out.printf(Locale.ROOT, "%-9d %9.1f %9.1f %8d  %s%n", s.sessions(), s.minFps(), s.meanFps(),
                            s.dropped(), s.held() ? "yes" : "no"), () -> Thread.currentThread().isInterrupted());
            out.printf(Locale.ROOT, "%s with %s: %d concurrent real-time sessions hold %d fps%s%n", p.name(),
                    r.encoder(), r.maxSessions(), p.fps(), r.maxSessions() == max ? " (the --max tried)" : "");
            return 0;
        } catch (EncodeException e) {
            err.println("probe-density: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a temp directory left behind is harmless
            }
        }
    }
}
