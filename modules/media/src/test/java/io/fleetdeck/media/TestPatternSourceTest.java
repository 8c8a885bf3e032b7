package io.fleetdeck.media;

import io.fleetdeck.core.media.EncodeProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestPatternSourceTest {
    @Test
    void graphCarriesNameTimecodeCounterAndMotion() {
        String g = TestPatternSource.graph(EncodeProfile.P720, "cam:1 'east'", true, Optional.of(Path.of("/f.ttf")));
        assertThat(g).contains("smptehdbars=size=1280x720:rate=25").contains("overlay=x='mod(n*")
                .contains("text='cam_1 _east_'").contains("timecode='00\\:00\\:00\\:00':rate=25")
                .contains("%{frame_num}").endsWith("[out1]");
    }

    @Test
    void withoutAFontThePictureStillMoves() {
        String g = TestPatternSource.graph(EncodeProfile.P360, "x", false, Optional.empty());
        assertThat(g).doesNotContain("drawtext").contains("overlay").endsWith("[out0]");
    }

    @Test
    void thisBuildDrawsTextWhereAFontIsInstalled() {
        assertThat(TestPatternSource.font()).as("drawtext in the FFmpeg build and a DejaVu/Liberation font here").isPresent();
    }
}
