package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewRequest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DecoderChoiceTest {
    private static final PreviewRequest FULL = new PreviewRequest(640, 360, false, true);

    @Test
    void nvdecDecodesFullPreviewsOfAKnownCodecWhenAGpuIsPresent() {
        DecoderChoice gpu = new DecoderChoice(() -> true);
        assertThat(gpu.hardwareFor(FULL.withCodecHint("h264"))).isEqualTo("h264_cuvid");
        assertThat(gpu.hardwareFor(FULL.withCodecHint("hevc"))).isEqualTo("hevc_cuvid");
        assertThat(gpu.hardwareFor(FULL)).as("codec not known yet").isNull();
        assertThat(gpu.hardwareFor(FULL.withCodecHint("prores"))).as("no cuvid decoder").isNull();
        assertThat(gpu.hardwareFor(PreviewRequest.tile(320, 180).withCodecHint("h264"))).as("wall tile").isNull();
        assertThat(gpu.label("h264", "h264_cuvid")).isEqualTo("h264_cuvid (NVDEC)");
    }

    @Test
    void withoutAGpuEverythingIsSoftwareAndTheGpuIsNotAskedForTiles() {
        AtomicInteger asked = new AtomicInteger();
        DecoderChoice none = new DecoderChoice(() -> {
            asked.incrementAndGet();
            return false;
        });
        assertThat(none.hardwareFor(PreviewRequest.tile(320, 180).withCodecHint("h264"))).isNull();
        assertThat(asked).hasValue(0);
        assertThat(none.hardwareFor(FULL.withCodecHint("h264"))).isNull();
        assertThat(none.label("h264", null)).isEqualTo("h264 (software)");
    }

    @Test
    void aFailedNvdecFallsBackToSoftwareAndSaysWhy() {
        DecoderChoice gpu = new DecoderChoice(() -> true);
        gpu.hardwareFailed("avcodec_open2() error -542398533: Could not open video codec.");
        assertThat(gpu.hardwareFor(FULL.withCodecHint("h264"))).isNull();
        assertThat(gpu.label("h264", null))
                .isEqualTo("h264 (software; NVDEC: avcodec_open2() error -542398533: Could not open video codec.)");
    }

    @Test
    void onlyDecoderFailuresAreBlamedOnNvdec() {
        assertThat(DecoderChoice.decoderFault("avcodec_open2() error -1: Could not open video codec.", false)).isTrue();
        assertThat(DecoderChoice.decoderFault("avformat_open_input() error -111: Could not open input", false))
                .as("an unreachable stream fails in software too").isFalse();
        assertThat(DecoderChoice.decoderFault("anything after the stream opened", true)).isTrue();
    }
}
