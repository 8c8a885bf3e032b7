package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewSource;
import io.fleetdeck.core.media.PreviewState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real decoding of streams made by the real ffmpeg CLI, over a file and over UDP on loopback. */
class JavaCvPreviewTest {
    private final JavaCvPreviewSource source = new JavaCvPreviewSource();
    private final List<Process> senders = new ArrayList<>();
    private final List<PreviewSource.Preview> previews = new ArrayList<>();

    @BeforeAll
    static void needsFfmpeg() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ffmpeg")), "the ffmpeg CLI makes the test streams");
    }

    @AfterEach
    void stop() throws Exception {
        previews.forEach(PreviewSource.Preview::close);
        for (Process p : senders) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private PreviewSource.Preview open(String url, PreviewRequest request) {
        PreviewSource.Preview p = source.open(url, request);
        previews.add(p);
        return p;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A paced live stream, as an encoder in the fleet sends it. */
    private void send(String lavfi, int port, int seconds) throws IOException {
        senders.add(new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
                lavfi, "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune",
                "zerolatency", "-g", "12", "-pix_fmt", "yuv420p", "-f", "mpegts",
                "udp://127.0.0.1:" + port + "?pkt_size=1316").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aFileDecodesAtTheTileSizeWithItsSourceFacts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bars.ts");
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25", "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", file.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        PreviewSource.Preview preview = open(file.toString(), new PreviewRequest(160, 90, false, false));
        IntBuffer target = IntBuffer.allocate(160 * 90);
        await(() -> preview.copyLatest(target), Duration.ofSeconds(20), "a frame");
        assertThat(target.limit()).isEqualTo(160 * 90);
        long distinct = java.util.stream.IntStream.range(0, target.limit()).map(target::get).distinct().count();
        assertThat(distinct).as("testsrc2 has many colours").isGreaterThan(20);
        assertThat(target.get(0) >>> 24).as("opaque").isEqualTo(0xff);
        assertThat(preview.status().codec()).isEqualTo("h264");
        assertThat(preview.status().sourceWidth()).isEqualTo(320);
        assertThat(preview.status().sourceHeight()).isEqualTo(240);
    }

    @Test
    void whereNvdecCannotOpenTheDetailDecodesInSoftwareAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bars.ts");
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25", "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", file.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // This machine has no NVIDIA driver: told there is a GPU, the preview tries h264_cuvid, which cannot load CUDA.
        PreviewSource.Preview preview = new JavaCvPreviewSource(() -> true)
                .open(file.toString(), new PreviewRequest(160, 90, false, false).withCodecHint("h264"));
        previews.add(preview);
        IntBuffer target = IntBuffer.allocate(160 * 90);
        await(() -> preview.copyLatest(target), Duration.ofSeconds(20), "a frame");
        assertThat(preview.status().decoder()).startsWith("h264 (software; NVDEC: ");
        assertThat(preview.status().codec()).isEqualTo("h264");
    }

    @Test
    void aLiveUdpStreamPlaysAndAFrozenOneIsFlagged() throws Exception {
        int live = freeUdpPort();
        int still = freeUdpPort();
        send("testsrc2=size=320x240:rate=25", live, 12);
        send("color=c=0x808080:size=320x240:rate=25", still, 12);
        PreviewSource.Preview playing = open("udp://127.0.0.1:" + live, new PreviewRequest(160, 90, false, true));
        PreviewSource.Preview frozen = open("udp://127.0.0.1:" + still, PreviewRequest.tile(160, 90));
        await(() -> playing.status().state() == PreviewState.PLAYING && playing.status().fps() > 5,
                Duration.ofSeconds(20), "live stream playing");
        await(() -> frozen.status().state() == PreviewState.FROZEN, Duration.ofSeconds(20), "frozen alarm");
        assertThat(playing.status().state()).isEqualTo(PreviewState.PLAYING);
        assertThat(frozen.status().state().isAlarm()).isTrue();
        assertThat(frozen.status().message()).isEqualTo("Frozen picture");
    }

    @Test
    void theEnginesFrozenPictureIsCaughtAndItsRecoverySeen() throws Exception {
        int port = freeUdpPort();
        var engine = new io.fleetdeck.media.JavaCvEncodeEngine();
        var profile = new io.fleetdeck.core.media.EncodeProfile("test-180p", 320, 180, 25, 300_000, 25, true);
        var session = engine.start(new io.fleetdeck.core.media.EncodeRequest("freeze-test", profile,
                io.fleetdeck.core.media.OutputTarget.parse("udp://127.0.0.1:" + port + "?pkt_size=1316"), "libx264",
                true, null, false));
        try {
            PreviewSource.Preview preview = open("udp://127.0.0.1:" + port, new PreviewRequest(160, 90, false, true));
            await(() -> preview.status().state() == PreviewState.PLAYING, Duration.ofSeconds(20), "playing");
            session.freezePicture(true);
            await(() -> preview.status().state() == PreviewState.FROZEN, Duration.ofSeconds(10), "frozen alarm");
            session.freezePicture(false);
            await(() -> preview.status().state() == PreviewState.PLAYING, Duration.ofSeconds(10), "recovery");
            assertThat(session.isRunning()).isTrue();
        } finally {
            session.stop();
        }
    }

    @Test
    void aWallTileMeasuresTheBitrateTheEngineSends() throws Exception {
        int port = freeUdpPort();
        var profile = new io.fleetdeck.core.media.EncodeProfile("test-360p", 640, 360, 25, 1_000_000, 25, false);
        var session = new io.fleetdeck.media.JavaCvEncodeEngine().start(new io.fleetdeck.core.media.EncodeRequest(
                "bitrate-test", profile, io.fleetdeck.core.media.OutputTarget.parse("udp://127.0.0.1:" + port
                + "?pkt_size=1316"), "libx264", true, null, false));
        try {
            // Key frames only, as on the wall: mpegts over UDP declares no bit rate, so it must be measured.
            PreviewSource.Preview tile = open("udp://127.0.0.1:" + port, PreviewRequest.tile(160, 90));
            await(() -> tile.status().bitrate() > 0, Duration.ofSeconds(20), "a measured bit rate");
            Thread.sleep(2500);
            double sent = session.stats().bitrate();
            assertThat((double) tile.status().bitrate()).as("sent %.0f b/s", sent).isBetween(sent * 0.75, sent * 1.25);
        } finally {
            session.stop();
        }
    }

    @Test
    void aUdpPortHandedToTheNextPreviewOpensWithoutARetry() throws Exception {
        int port = freeUdpPort();
        send("testsrc2=size=320x240:rate=25", port, 20);
        PreviewSource.Preview tile = open("udp://127.0.0.1:" + port, PreviewRequest.tile(160, 90));
        await(() -> tile.status().state() == PreviewState.PLAYING, Duration.ofSeconds(20), "tile playing");
        tile.close();
        // As the wall does when a tile is clicked: the detail opens the same port at once.
        PreviewSource.Preview detail = open("udp://127.0.0.1:" + port, new PreviewRequest(320, 180, false, true)
                .withCodecHint(tile.status().codec()));
        await(() -> detail.status().state() == PreviewState.PLAYING, Duration.ofSeconds(20), "detail playing");
        assertThat(detail.status().reconnects()).as("no 'address in use' and retry").isZero();
    }

    @Test
    void aBlackStreamIsFlagged() throws Exception {
        int port = freeUdpPort();
        send("color=c=black:size=320x240:rate=25", port, 10);
        PreviewSource.Preview preview = open("udp://127.0.0.1:" + port, PreviewRequest.tile(160, 90));
        await(() -> preview.status().state() == PreviewState.BLACK, Duration.ofSeconds(20), "black alarm");
    }

    @Test
    void garbageAndUnreachableStreamsAreLostAndRetriedNotFatal(@TempDir Path dir) throws Exception {
        Path garbage = dir.resolve("garbage.ts");
        byte[] noise = new byte[256 * 1024];
        new Random(3).nextBytes(noise);
        Files.write(garbage, noise);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        PreviewSource.Preview corrupt = open(garbage.toString(), PreviewRequest.tile(160, 90));
        PreviewSource.Preview unreachable = open("rtmp://127.0.0.1:" + closed + "/live/none", PreviewRequest.tile(160, 90));
        await(() -> corrupt.status().reconnects() >= 2, Duration.ofSeconds(20), "retries of the corrupt stream");
        await(() -> unreachable.status().reconnects() >= 1, Duration.ofSeconds(20), "retry of the unreachable one");
        assertThat(corrupt.status().state()).isEqualTo(PreviewState.LOST);
        assertThat(unreachable.status().state()).isEqualTo(PreviewState.LOST);
        assertThat(unreachable.status().message()).contains("retrying in");
        assertThat(corrupt.copyLatest(IntBuffer.allocate(160 * 90))).isFalse();
    }

    @Test
    void closedPreviewsReleaseTheirThreads() throws Exception {
        List<JavaCvPreview> opened = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            opened.add((JavaCvPreview) source.open("udp://127.0.0.1:" + freeUdpPort(), PreviewRequest.tile(160, 90)));
        }
        Thread.sleep(300);
        opened.forEach(JavaCvPreview::close);
        for (JavaCvPreview p : opened) {
            assertThat(p.awaitStopped(Duration.ofSeconds(15))).as("decoder of " + p.url() + " stopped").isTrue();
            assertThat(p.status().state()).isEqualTo(PreviewState.STOPPED);
        }
        List<String> names = opened.stream().map(p -> "fleetdeck-preview " + p.url()).toList();
        long left = Thread.getAllStackTraces().keySet().stream().filter(t -> names.contains(t.getName())).count();
        assertThat(left).isZero();
    }
}
