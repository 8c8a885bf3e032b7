package io.fleetdeck.media;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/** FFmpeg's text for its negative error codes. */
final class FfmpegErrors {
    private FfmpegErrors() {
    }

    static String text(int code) {
        byte[] buf = new byte[256];
        if (av_strerror(code, buf, buf.length) < 0) {
            return "error " + code;
        }
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len) + " (" + code + ")";
    }
}
