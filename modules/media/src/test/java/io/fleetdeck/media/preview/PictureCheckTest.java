package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewState;
import org.junit.jupiter.api.Test;

import java.nio.IntBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PictureCheckTest {
    private static final long MS = 1_000_000L;
    private final PictureCheck check = new PictureCheck();

    /** A flat picture with a small moving element: a white block whose position follows {@code marker}. */
    private static IntBuffer frame(int argb, int marker) {
        int[] px = new int[160 * 90];
        Arrays.fill(px, argb);
        int x0 = (marker * 7) % 140;
        for (int y = 30; y < 60; y++) {
            for (int x = x0; x < x0 + 20; x++) {
                px[y * 160 + x] = 0xffffffff;
            }
        }
        return IntBuffer.wrap(px);
    }

    /** The same picture with every pixel a few levels off, as an encoder refining a still frame makes it. */
    private static IntBuffer refined(IntBuffer f, int delta) {
        int[] px = f.array().clone();
        for (int i = 0; i < px.length; i++) {
            int v = Math.min(255, (px[i] & 0xff) + delta);
            px[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        return IntBuffer.wrap(px);
    }

    private static IntBuffer black() {
        int[] px = new int[160 * 90];
        Arrays.fill(px, 0xff000000);
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
    void anEncoderRefiningAStillPictureIsStillFrozen() {
        IntBuffer still = frame(0xff808080, 1);
        for (int i = 0; i < 60; i++) {
            PreviewState s = check.check(refined(still, i % 4), 160 * 90, i * 40 * MS);
            if (i * 40 >= 2100) {
                assertThat(s).isEqualTo(PreviewState.FROZEN);
            }
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
    void blackForASecondIsBlack() {
        assertThat(check.check(black(), 160 * 90, 0)).isEqualTo(PreviewState.PLAYING);
        assertThat(check.check(black(), 160 * 90, 600 * MS)).isEqualTo(PreviewState.PLAYING);
        assertThat(check.check(black(), 160 * 90, 1100 * MS)).isEqualTo(PreviewState.BLACK);
        assertThat(check.check(frame(0xffffffff, 4), 160 * 90, 1140 * MS)).isEqualTo(PreviewState.PLAYING);
    }
}
