package io.fleetdeck.media;

import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.EncoderChoice;
import io.fleetdeck.core.media.OutputTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EncoderLadderTest {
    private final JavaCvEncodeEngine engine = new JavaCvEncodeEngine();

    @Test
    void withoutAcceleratorsTheLadderExplainsEachRungAndLandsOnLibx264() {
        assumeTrue(EncoderLadder.RUNGS.stream().filter(EncoderLadder.Rung::hardware).allMatch(r -> EncoderLadder.unavailable(r).isPresent()),
                "this machine has an accelerator: the ladder may rightly stop earlier");
        EncoderChoice choice = engine.probe(EncodeProfile.P360);

        assertThat(choice.encoder()).isEqualTo("libx264");
        assertThat(choice.hardware()).isFalse();
        assertThat(choice.rejected()).extracting(EncoderChoice.Rejection::encoder)
                .containsExactly("h264_nvenc", "hevc_nvenc", "av1_nvenc", "h264_vaapi", "h264_qsv");
        assertThat(choice.rejected().get(0).reason()).startsWith("no NVIDIA device");
        assertThat(choice.rejected().get(3).reason()).startsWith("no VAAPI render node");
        assertThat(choice.rejected().get(4).reason()).contains("Quick Sync");
    }

    @Test
    void anExplicitEncoderIsTheOnlyOneTried(@TempDir Path dir) throws Exception {
        EncodeRequest req = EncodeRequest.of(EncodeProfile.P360, OutputTarget.parse(dir.resolve("o.ts").toString()),
                Duration.ofMillis(400)).withEncoder("libopenh264");
        try (EncodeSession s = engine.start(req)) {
            assertThat(s.encoder().encoder()).isEqualTo("libopenh264");
            assertThat(s.encoder().rejected()).isEmpty();
            assertThat(s.awaitEnd(Duration.ofSeconds(30))).isPresent();
            assertThat(s.failure()).isEmpty();
        }
        assertThat(Files.size(dir.resolve("o.ts"))).isPositive();
    }

    @Test
    void unknownOrUnavailableEncodersAreRefusedWithTheReason(@TempDir Path dir) {
        OutputTarget out = OutputTarget.parse(dir.resolve("o.ts").toString());
        EncodeRequest req = EncodeRequest.of(EncodeProfile.P360, out, Duration.ofSeconds(1));

        assertThatThrownBy(() -> engine.start(req.withEncoder("mjpeg")))
                .isInstanceOf(EncodeException.class).hasMessageContaining("unsupported encoder 'mjpeg'");
        assumeTrue(!Files.exists(Path.of("/dev/nvidiactl")));
        assertThatThrownBy(() -> engine.start(req.withEncoder("h264_nvenc")))
                .isInstanceOf(EncodeException.class)
                .hasMessageContaining("no encoder could be opened")
                .hasMessageContaining("h264_nvenc: no NVIDIA device");
        assertThat(dir.resolve("o.ts")).doesNotExist();
    }
}
