package io.fleetdeck.core.media;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncodeProfileTest {
    @Test
    void presetsMatchTheFleetProfiles() {
        assertThat(EncodeProfile.preset("1080p25")).contains(EncodeProfile.P1080);
        assertThat(EncodeProfile.P1080.bitrate()).isEqualTo(5_000_000);
        assertThat(EncodeProfile.preset(" 720P25 ")).contains(EncodeProfile.P720);
        assertThat(EncodeProfile.preset("1080p60")).isEmpty();
        assertThat(EncodeProfile.presets()).extracting(EncodeProfile::name).containsExactly("360p25", "720p25", "1080p25", "2160p25");
    }

    @Test
    void lowLatencyShortensTheGop() {
        EncodeProfile ll = EncodeProfile.P720.asLowLatency();
        assertThat(ll.lowLatency()).isTrue();
        assertThat(ll.gop()).isEqualTo(12);
        assertThat(ll.width()).isEqualTo(1280);
    }

    @Test
    void absurdPicturesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> EncodeProfile.P720.withSize(100_000, 720)).hasMessageContaining("100000x720");
        assertThatThrownBy(() -> EncodeProfile.P720.withSize(641, 360)).hasMessageContaining("even");
        assertThatThrownBy(() -> EncodeProfile.P720.withSize(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncodeProfile.P720.withBitrate(10)).hasMessageContaining("bitrate");
    }

    @Test
    void framesFollowTheDuration() {
        EncodeRequest r = EncodeRequest.of(EncodeProfile.P360, OutputTarget.parse("/tmp/x.ts"), Duration.ofMillis(2500));
        assertThat(r.frameLimit()).isEqualTo(63);
        assertThat(EncodeRequest.of(EncodeProfile.P360, OutputTarget.parse("/tmp/x.ts"), null).frameLimit()).isEqualTo(Long.MAX_VALUE);
        assertThat(r.encoder()).isEqualTo("auto");
    }
}
