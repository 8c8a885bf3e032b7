package io.fleetdeck.media;

import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.OutputTarget;
import io.fleetdeck.core.media.StreamStats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the engine writes, judged by the system's ffprobe rather than by FFmpeg inside the JVM. */
class OutputsTest {
    private final JavaCvEncodeEngine engine = new JavaCvEncodeEngine();

    @BeforeAll
    static void needsFfprobe() {
        assumeTrue(FfprobeTool.available(), "ffprobe not installed (apt-get install ffmpeg)");
    }

    @Test
    void mp4FileHasTheAskedCodecProfileSizeRateAndBitrate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bars.mp4");
        StreamStats done = encode(EncodeRequest.of(EncodeProfile.P360, OutputTarget.parse("file:" + file), Duration.ofSeconds(3)));

        Map<String, String> v = FfprobeTool.videoStream(file.toString());
        assertThat(v).containsEntry("codec_name", "h264").containsEntry("profile", "Constrained Baseline")
                .containsEntry("width", "640").containsEntry("height", "360")
                .containsEntry("r_frame_rate", "25/1").containsEntry("nb_frames", "75");
        assertThat(Double.parseDouble(v.get("bit_rate"))).isCloseTo(800_000, within(80_000.0));
        assertThat(done.frames()).isEqualTo(75);
        assertThat(done.bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void toneIsAnAacTrackBesideTheVideo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tone.mp4");
        encode(EncodeRequest.of(EncodeProfile.P360, OutputTarget.parse(file.toString()), Duration.ofSeconds(2)).withTone(true));

        assertThat(FfprobeTool.stream("a:0", file.toString())).containsEntry("codec_name", "aac")
                .containsEntry("sample_rate", "48000").containsEntry("channels", "1");
        assertThat(FfprobeTool.videoStream(file.toString())).containsEntry("nb_frames", "50");
    }

    @Test
    void lowLatency720pTransportStream(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ll.ts");
        EncodeProfile p = EncodeProfile.P720.asLowLatency();
        StreamStats done = encode(EncodeRequest.of(p, OutputTarget.parse(file.toString()), Duration.ofSeconds(2)));

        Map<String, String> v = FfprobeTool.videoStream(file.toString());
        assertThat(v).containsEntry("codec_name", "h264").containsEntry("width", "1280").containsEntry("height", "720")
                .containsEntry("r_frame_rate", "25/1");
        // The TS muxer adds ~5% of packet headers on top of the video's constant 2.5 Mb/s.
        assertThat(done.bitrate()).isCloseTo(2_500_000 * 1.05, within(250_000.0));
    }

    @Test
    void udpTransportStreamIsReceivedOnLoopback() throws Exception {
        int port = freePort();
        receivedLive("udp://127.0.0.1:" + port, "udp://127.0.0.1:" + port + "?timeout=8000000");
    }

    @Test
    void srtCallerReachesAListener() throws Exception {
        int port = freePort();
        receivedLive("srt://127.0.0.1:" + port + "?mode=caller", "srt://127.0.0.1:" + port + "?mode=listener");
    }

    @Test
    void rtmpPublishReachesAServer() throws Exception {
        int port = freePort();
        receivedLive("rtmp://127.0.0.1:" + port + "/live/test", "rtmp://127.0.0.1:" + port + "/live/test", "-listen", "1");
    }

    /** The receiver listens first, as a monitoring probe would, and reads the stream's parameters off the wire. */
    private void receivedLive(String sendTo, String listenOn, String... probeArgs) throws Exception {
        CompletableFuture<Map<String, String>> received = CompletableFuture.supplyAsync(() -> {
            try {
                String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of(probeArgs),
                        java.util.stream.Stream.of("-analyzeduration", "1000000")).toArray(String[]::new);
                return FfprobeTool.videoStream(listenOn, args);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(400);
        EncodeRequest req = EncodeRequest.of(EncodeProfile.P360.asLowLatency(), OutputTarget.parse(sendTo), Duration.ofSeconds(4))
                .realtime(true).named("live test");
        try (EncodeSession s = engine.start(req)) {
            Map<String, String> v = received.get();
            assertThat(v).containsEntry("codec_name", "h264").containsEntry("width", "640").containsEntry("height", "360");
            StreamStats live = s.stats();
            assertThat(live.frames()).isPositive();
            assertThat(live.fps()).isCloseTo(25, within(3.0));
        }
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void hlsWritesAPlaylistAndItsSegments(@TempDir Path dir) throws Exception {
        Path playlist = dir.resolve("index.m3u8");
        EncodeProfile oneSecondGop = new EncodeProfile("360p25", 640, 360, 25, 800_000, 25, false);
        StreamStats done = encode(EncodeRequest.of(oneSecondGop, OutputTarget.parse("hls:" + playlist), Duration.ofSeconds(4)));

        List<String> lines = Files.readAllLines(playlist);
        List<String> segments = lines.stream().filter(l -> l.endsWith(".ts")).toList();
        assertThat(lines.getFirst()).isEqualTo("#EXTM3U");
        assertThat(segments).hasSizeGreaterThanOrEqualTo(3).allSatisfy(seg -> assertThat(dir.resolve(seg)).isNotEmptyFile());
        assertThat(lines).contains("#EXT-X-ENDLIST");
        assertThat(done.bytes()).isPositive();
        assertThat(FfprobeTool.videoStream(playlist.toString())).containsEntry("codec_name", "h264");
    }

    @Test
    void rtpIsReceivedThroughTheSessionDescriptionItWrites(@TempDir Path dir) throws Exception {
        Path sdp = dir.resolve("s.sdp");
        int port = freePort() & ~1; // RTP takes an even port, RTCP the odd one above it
        EncodeRequest req = EncodeRequest.of(EncodeProfile.P360.asLowLatency(),
                OutputTarget.parse("rtp://127.0.0.1:" + port + "?sdp=" + sdp), Duration.ofSeconds(4)).realtime(true);
        try (EncodeSession s = engine.start(req)) {
            assertThat(Files.readString(sdp)).contains("m=video " + port + " RTP/AVP 96").contains("H264/90000");
            Map<String, String> v = FfprobeTool.videoStream(sdp.toString(), "-protocol_whitelist", "file,udp,rtp",
                    "-analyzeduration", "1000000");
            assertThat(v).containsEntry("codec_name", "h264").containsEntry("width", "640").containsEntry("height", "360");
            assertThat(s.isRunning()).isTrue();
        }
    }

    @Test
    void unwritableFilesAreRefusedBeforeEncoding(@TempDir Path dir) {
        OutputTarget missing = OutputTarget.parse(dir.resolve("no/such/dir/x.ts").toString());
        assertThatThrownBy(() -> engine.start(EncodeRequest.of(EncodeProfile.P360, missing, Duration.ofSeconds(1))))
                .isInstanceOf(EncodeException.class).hasMessageContaining("does not exist");
    }

    private StreamStats encode(EncodeRequest req) throws Exception {
        try (EncodeSession s = engine.start(req)) {
            StreamStats done = s.awaitEnd(Duration.ofSeconds(60)).orElseThrow();
            assertThat(s.failure()).isEmpty();
            return done;
        }
    }
}
