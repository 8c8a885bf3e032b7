package io.fleetdeck.app.streams;

import io.fleetdeck.app.nodes.Fleets;
import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewState;
import io.fleetdeck.core.media.PreviewStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StreamTileTest {
    private static PreviewStatus playing(long bitrate) {
        return new PreviewStatus(PreviewState.PLAYING, "", 1.9, 25.0, "h264", 320, 180, bitrate, Instant.now(), 0);
    }

    @Test
    void aWallTileTellsTheStreamsOwnRateItsSourceAndTheMeasuredBitrate() {
        StreamTile tile = new StreamTile(Fleets.session("enc-a", "gpu-000"), PreviewRequest.tile(160, 90));
        assertThat(tile.overlay(playing(312_400))).isEqualTo("stream 25.0/25 fps · h264 320x180 · 312 kb/s");
        assertThat(tile.overlay(playing(0))).as("before a second of input was measured")
                .isEqualTo("stream 25.0/25 fps · h264 320x180");
    }

    @Test
    void aFullDecodeTellsTheDecodedRateAndAnAlarmItsReason() {
        StreamTile detail = new StreamTile(Fleets.session("enc-a", "gpu-000"), new PreviewRequest(640, 360, false, true));
        assertThat(detail.overlay(playing(5_120_000))).isEqualTo("1.9/25 fps · h264 320x180 · 5120 kb/s");
        PreviewStatus onGpu = new PreviewStatus(PreviewState.PLAYING, "", 25.0, 25.0, "hevc", 3840, 2160, 0,
                Instant.now(), 0, "hevc_cuvid (NVDEC)");
        assertThat(detail.overlay(onGpu)).isEqualTo("25.0/25 fps · hevc 3840x2160 · NVDEC");
        assertThat(detail.overlay(playing(0).with(PreviewState.LOST, "connection refused; retrying in 1.0 s")))
                .isEqualTo("Stream lost: connection refused; retrying in 1.0 s");
    }
}
