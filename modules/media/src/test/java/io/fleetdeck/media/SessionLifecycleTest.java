package io.fleetdeck.media;

import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.OutputTarget;
import io.fleetdeck.core.media.StreamStats;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLifecycleTest {
    private final JavaCvEncodeEngine engine = new JavaCvEncodeEngine();

    @Test
    void repeatedStartAndStopLeavesNoThreadsAndNoNativeGrowth(@TempDir Path dir) throws Exception {
        EncodeRequest req = EncodeRequest.of(EncodeProfile.P360, OutputTarget.parse(dir.resolve("x.ts").toString()), null)
                .realtime(true);
        cycle(req, 3); // warm-up: libraries loaded, allocator arenas grown
        System.gc();
        long rssBefore = Pointer.physicalBytes();
        cycle(req, 10);
        System.gc();
        long grown = Pointer.physicalBytes() - rssBefore;

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith(JavaCvEncodeSession.THREAD_PREFIX));
        // An encoder, a source and a 360p picture buffer leaked per cycle would be well over 30 MB after ten cycles.
        assertThat(grown).as("resident memory growth over 10 sessions").isLessThan(30L << 20);
    }

    @Test
    void stopEndsAnUnboundedSessionWithASummary(@TempDir Path dir) throws Exception {
        EncodeRequest req = EncodeRequest.of(EncodeProfile.P360, OutputTarget.parse(dir.resolve("y.ts").toString()), null)
                .realtime(true).withTone(true);
        EncodeSession s = engine.start(req);
        Thread.sleep(1500);
        StreamStats live = s.stats();
        StreamStats done = s.stop();

        assertThat(live.fps()).isBetween(20.0, 30.0);
        assertThat(s.isRunning()).isFalse();
        assertThat(s.failure()).isEmpty();
        // Paced at 25 fps for ~1.5 s; a loaded CI machine may make the encoder skip a picture or two, no more.
        assertThat(done.frames() + done.dropped()).isBetween(30L, 45L);
        assertThat(done.dropped()).isLessThanOrEqualTo(3);
        assertThat(done.encodeLatencyMs()).isPositive();
    }

    private void cycle(EncodeRequest req, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            try (EncodeSession s = engine.start(req)) {
                Thread.sleep(150);
                assertThat(s.isRunning()).isTrue();
            }
        }
    }
}
