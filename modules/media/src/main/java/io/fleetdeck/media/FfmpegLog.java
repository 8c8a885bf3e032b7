package io.fleetdeck.media;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

/**
 * FFmpeg's log, captured per thread. JavaCV's exceptions only say "avcodec_open2() error -1"; the reason an
 * operator can act on ("Cannot load libcuda.so.1", "No capable devices found") is only in FFmpeg's log, written
 * on the thread that opens the encoder. While a capture is active on a thread its warnings and errors are kept;
 * everything else is dropped so the console's terminal stays clean.
 */
public final class FfmpegLog extends LogCallback {
    private static final System.Logger LOG = System.getLogger(FfmpegLog.class.getName());
    private static final ThreadLocal<StringBuilder> CAPTURE = new ThreadLocal<>();
    private static volatile FfmpegLog installed;

    private FfmpegLog() {
    }

    /** Routes FFmpeg's log through this class; idempotent. The instance is kept reachable for native code. */
    public static synchronized void install() {
        if (installed == null) {
            FfmpegLog callback = new FfmpegLog();
            callback.retainReference();
            av_log_set_level(AV_LOG_WARNING);
            setLogCallback(callback);
            installed = callback;
        }
    }

    /** Starts keeping this thread's FFmpeg warnings and errors until the returned capture is closed. */
    public static Capture capture() {
        return new Capture(CAPTURE.get());
    }

    /** What FFmpeg said on one thread between {@link #capture()} and {@link #close()}. */
    public static final class Capture implements AutoCloseable {
        private final StringBuilder previous;
        private final StringBuilder text = new StringBuilder();

        private Capture(StringBuilder previous) {
            this.previous = previous;
            CAPTURE.set(text);
        }

        public String text() {
            return text.toString().strip();
        }

        @Override
        public void close() {
            if (previous == null) {
                CAPTURE.remove();
            } else {
                CAPTURE.set(previous);
            }
        }
    }

    @Override
    public void call(int level, BytePointer msg) {
        if (level > AV_LOG_WARNING) {
            return;
        }
        StringBuilder sb = CAPTURE.get();
        String line = msg.getString().strip();
        if (line.isEmpty()) {
            return;
        }
        if (sb != null) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(line);
        } else if (level <= AV_LOG_ERROR) {
            LOG.log(System.Logger.Level.DEBUG, "ffmpeg: {0}", line);
        }
    }
}
