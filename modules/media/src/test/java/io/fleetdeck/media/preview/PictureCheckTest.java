package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewState;
import org.junit.jupiter.api.Test;

import java.nio.IntBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PictureCheckTest {
    private static final long MS = 1_000_000L;
    private final PictureCheck check = new PictureCheck();

    private static IntBuffer frame(int argb, int marker) {
        int[] px = new int[160 * 90];
        Arrays.fill(px, argb);
        px[0] = marker; // a burnt-in counter changes at least one sampled pixel per frame
        return IntBuffer.wrap(px);
    }

    @Test
    void ffmpegErrorsReadAsWords() {
        String m = JavaCvPreview.reason(new Exception("avformat_open_input() error -98: Could not open input "
                + "\"udp://127.0.0.1:5000\". (Has setFormat() been called?) (For more details, make sure "
                + "FFmpegLogCallback.set() has been called.)"));
        assertThat(m).isEqualTo("avformat_open_input() error -98: Could not open input \"udp://127.0.0.1:5000\"."
                + " (address in use: another receiver holds this UDP port)");
    }

    @Test
    void aChangingPictureKeepsPlaying() {
        for (int i = 0; i < 100; i++) {
            assertThat(check.check(frame(0xff808080, i), 160 * 90, i * 40 * MS)).isEqualTo(PreviewState.PLAYING);
        }
    }

    @Test
    void theSamePictureForTwoSecondsIsFrozen() {
        assertThat(check.check(frame(0xff808080, 1), 160 * 90, 0)).isEqualTo(PreviewState.PLAYING);
        assertThat(check.check(frame(0xff808080, 1), 160 * 90, 1900 * MS)).isEqualTo(PreviewState.PLAYING);
        assertThat(check.check(frame(0xff808080, 1), 160 * 90, 2100 * MS)).isEqualTo(PreviewState.FROZEN);
        assertThat(check.check(frame(0xff808080, 2), 160 * 90, 2140 * MS)).isEqualTo(PreviewState.PLAYING);
    }

    @Test
    void blackForASecondIsBlackEvenWhileTheCounterRuns() {
        assertThat(check.check(frame(0xff000000, 1), 160 * 90, 0)).isEqualTo(PreviewState.PLAYING);
        assertThat(check.check(frame(0xff101010, 2), 160 * 90, 600 * MS)).isEqualTo(PreviewState.PLAYING);
        assertThat(check.check(frame(0xff000000, 3), 160 * 90, 1100 * MS)).isEqualTo(PreviewState.BLACK);
        assertThat(check.check(frame(0xffffffff, 4), 160 * 90, 1140 * MS)).isEqualTo(PreviewState.PLAYING);
    }
}
