package io.fleetdeck.core.media;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputTargetTest {
    @Test
    void filesPickTheirMuxerFromTheExtension() {
        assertThat(OutputTarget.parse("file:/tmp/x.ts").muxer()).isEqualTo("mpegts");
        assertThat(OutputTarget.parse("/tmp/x.mp4").muxer()).isEqualTo("mp4");
        assertThat(OutputTarget.parse("out.mkv").kind()).isEqualTo(OutputTarget.Kind.FILE);
        assertThatThrownBy(() -> OutputTarget.parse("/tmp/x.avi")).hasMessageContaining("container");
    }

    @Test
    void networkOutputsNeedHostAndPort() {
        OutputTarget udp = OutputTarget.parse("udp://127.0.0.1:5004");
        assertThat(udp.kind()).isEqualTo(OutputTarget.Kind.UDP);
        assertThat(udp.muxer()).isEqualTo("mpegts");
        assertThat(OutputTarget.parse("srt://10.0.0.1:9000?mode=caller").muxer()).isEqualTo("mpegts");
        assertThat(OutputTarget.parse("rtmp://ingest/live/key").muxer()).isEqualTo("flv");
        assertThatThrownBy(() -> OutputTarget.parse("udp://127.0.0.1")).hasMessageContaining("host and a port");
        assertThatThrownBy(() -> OutputTarget.parse("gopher://x:1")).hasMessageContaining("unsupported output");
    }

    @Test
    void rtpKeepsItsSdpFileApartFromTheUrl() {
        OutputTarget rtp = OutputTarget.parse("rtp://127.0.0.1:5006?sdp=/tmp/s.sdp&ttl=4");
        assertThat(rtp.location()).isEqualTo("rtp://127.0.0.1:5006?ttl=4");
        assertThat(rtp.sdpFile()).isEqualTo(Path.of("/tmp/s.sdp"));
        assertThat(OutputTarget.parse("rtp://127.0.0.1:5006").sdpFile().getFileName().toString()).isEqualTo("fleetdeck-rtp-127.0.0.1-5006.sdp");
        assertThatThrownBy(() -> new EncodeRequest("a", EncodeProfile.P360, rtp, "auto", false, Duration.ofSeconds(1), true))
                .hasMessageContaining("one stream");
    }

    @Test
    void hlsFromPrefixOrPlaylistName() {
        assertThat(OutputTarget.parse("hls:/tmp/h/index.m3u8").kind()).isEqualTo(OutputTarget.Kind.HLS);
        assertThat(OutputTarget.parse("/tmp/h/live.m3u8").path()).isEqualTo(Path.of("/tmp/h/live.m3u8"));
        assertThat(OutputTarget.parse("hls:/tmp/h/index.m3u8").muxer()).isEqualTo("hls");
    }
}
