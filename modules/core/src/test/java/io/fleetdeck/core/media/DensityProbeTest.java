package io.fleetdeck.core.media;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DensityProbeTest {
    /** An encoder with room for {@code capacity} real-time sessions: beyond it every session slows down. */
    private static final class SaturatingEngine implements EncodeEngine {
        final int capacity;
        final AtomicInteger running = new AtomicInteger();
        final List<Integer> starts = new ArrayList<>();

        SaturatingEngine(int capacity) {
            this.capacity = capacity;
        }

        @Override
        public EncoderChoice probe(EncodeProfile profile) {
            return new EncoderChoice("libx264", false, List.of());
        }

        @Override
        public EncodeSession start(EncodeRequest request) {
            int n = running.incrementAndGet();
            starts.add(n);
            return new EncodeSession() {
                boolean open = true;

                @Override
                public EncodeRequest request() {
                    return request;
                }

                @Override
                public EncoderChoice encoder() {
                    return probe(request.profile());
                }

                private StreamStats total() {
                    int now = running.get();
                    double fps = now <= capacity ? request.profile().fps() : request.profile().fps() * capacity / (double) now;
                    return new StreamStats(100, now <= capacity ? 0 : 5, 1000, fps, 1e6, 1, Duration.ofSeconds(4));
                }

                @Override
                public StreamStats stats() {
                    return total();
                }

                @Override
                public boolean isRunning() {
                    return open;
                }

                @Override
                public Optional<StreamStats> awaitEnd(Duration timeout) {
                    return Optional.of(total());
                }

                @Override
                public void freezePicture(boolean frozen) {
                }

                @Override
                public Optional<EncodeException> failure() {
                    return Optional.empty();
                }

                @Override
                public StreamStats stop() {
                    StreamStats s = total();
                    if (open) {
                        open = false;
                        running.decrementAndGet();
                    }
                    return s;
                }

                @Override
                public void close() {
                    stop();
                }
            };
        }
    }

    @Test
    void findsTheLargestCountThatHoldsTheFrameRate() throws Exception {
        SaturatingEngine engine = new SaturatingEngine(11);
        List<DensityProbe.Step> seen = new ArrayList<>();
        DensityProbe.Result r = new DensityProbe(engine, Duration.ofSeconds(4), 0.95, Path.of("/tmp"))
                .run(EncodeProfile.P360, "auto", 64, seen::add, () -> false);
        assertThat(r.maxSessions()).isEqualTo(11);
        assertThat(r.encoder()).isEqualTo("libx264");
        assertThat(seen).extracting(DensityProbe.Step::sessions).startsWith(1, 2, 4, 8, 16);
        assertThat(seen.getLast().sessions()).isIn(11, 12);
        assertThat(seen).filteredOn(s -> s.sessions() == 16).singleElement()
                .satisfies(s -> assertThat(s.held()).isFalse());
        assertThat(engine.running.get()).as("every session stopped").isZero();
    }

    @Test
    void stopsAtTheCeilingAndWhenCancelled() throws Exception {
        DensityProbe.Result all = new DensityProbe(new SaturatingEngine(100), Duration.ofSeconds(1), 0.95,
                Path.of("/tmp")).run(EncodeProfile.P360, "auto", 6, s -> { }, () -> false);
        assertThat(all.maxSessions()).isEqualTo(6);
        AtomicInteger steps = new AtomicInteger();
        DensityProbe.Result cancelled = new DensityProbe(new SaturatingEngine(100), Duration.ofSeconds(1), 0.95,
                Path.of("/tmp")).run(EncodeProfile.P360, "auto", 64, s -> steps.incrementAndGet(),
                () -> steps.get() >= 2);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.steps()).hasSize(2);
    }
}
