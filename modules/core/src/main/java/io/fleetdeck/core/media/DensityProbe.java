package io.fleetdeck.core.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The seed's density method on whatever hardware the operator has: run N paced sessions of a profile at
 * once and find the largest N for which every session still holds the target frame rate. N doubles until a
 * step fails, then a binary search between the last step that held and the first that did not.
 */
public final class DensityProbe {
    /** One step: N sessions for the step's duration; held when the slowest kept ≥ tolerance × target. */
    public record Step(int sessions, double minFps, double meanFps, long dropped, boolean held) {
    }

    public record Result(EncodeProfile profile, String encoder, List<Step> steps, int maxSessions, boolean cancelled) {
        public Result {
            steps = List.copyOf(steps);
        }
    }

    private final EncodeEngine engine;
    private final Duration stepDuration;
    private final double tolerance;
    private final Path scratch;

    /**
     * @param scratch where the sessions write (files, deleted with the directory by the caller): an output
     *                nobody reads must not fail, as UDP to a closed port can
     */
    public DensityProbe(EncodeEngine engine, Duration stepDuration, double tolerance, Path scratch) {
        this.engine = engine;
        this.stepDuration = stepDuration;
        this.tolerance = tolerance;
        this.scratch = scratch;
    }

    public Result run(EncodeProfile profile, String encoder, int maxSessions, Consumer<Step> progress,
                      BooleanSupplier cancelled) throws EncodeException, InterruptedException {
        List<Step> steps = new ArrayList<>();
        String used = encoder;
        int good = 0;
        int bad = -1;
        int n = 1;
        while (n <= maxSessions && !cancelled.getAsBoolean()) {
            StepRun run = step(profile, encoder, n);
            used = run.encoder;
            steps.add(run.step);
            progress.accept(run.step);
            if (run.step.held()) {
                good = n;
                if (n == maxSessions) {
                    break;
                }
                n = Math.min(maxSessions, n * 2);
            } else {
                bad = n;
                break;
            }
        }
        // Binary search between the last count that held and the first that did not.
        while (bad > good + 1 && !cancelled.getAsBoolean()) {
            int mid = (good + bad) / 2;
            StepRun run = step(profile, encoder, mid);
            steps.add(run.step);
            progress.accept(run.step);
            if (run.step.held()) {
                good = mid;
            } else {
                bad = mid;
            }
        }
        return new Result(profile, used, steps, good, cancelled.getAsBoolean());
    }

    private record StepRun(Step step, String encoder) {
    }

    private StepRun step(EncodeProfile profile, String encoder, int n) throws EncodeException, InterruptedException {
        List<EncodeSession> sessions = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                OutputTarget out = OutputTarget.parse("file:" + scratch.resolve("probe-" + n + "-" + i + ".ts"));
                sessions.add(engine.start(new EncodeRequest("probe-" + i, profile, out, encoder, true,
                        stepDuration, false)));
            }
            double min = Double.MAX_VALUE;
            double sum = 0;
            long dropped = 0;
            for (EncodeSession s : sessions) {
                StreamStats total = s.awaitEnd(stepDuration.plusSeconds(30)).orElseGet(s::stop);
                if (s.failure().isPresent()) {
                    throw s.failure().get();
                }
                min = Math.min(min, total.fps());
                sum += total.fps();
                dropped += total.dropped();
            }
            double target = profile.fps() * tolerance;
            Step step = new Step(n, min, sum / n, dropped, min >= target && dropped == 0);
            return new StepRun(step, sessions.getFirst().encoder().encoder());
        } finally {
            for (EncodeSession s : sessions) {
                if (s.isRunning()) {
                    s.stop();
                }
            }
        }
    }
}
