package io.fleetdeck.media;

import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.EncoderChoice;
import io.fleetdeck.core.media.OutputTarget;
import io.fleetdeck.core.media.StreamStats;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

/**
 * One encode on a platform thread of its own (the work is native and CPU-bound, so a virtual thread would only
 * pin its carrier), fed by a generator thread a few pictures ahead. The encode thread owns the recorder from start
 * to finish and closes it and the generator in its {@code finally}; other threads only read published statistics
 * or ask it to stop.
 */
final class JavaCvEncodeSession implements EncodeSession {
    static final String THREAD_PREFIX = "fleetdeck-encode-";
    private static final long PUBLISH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EncodeRequest request;
    private final EncoderChoice choice;
    private final PrefetchingSource pictures;
    private final FFmpegFrameRecorder recorder;
    private final Thread thread;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile boolean frozen;
    /** The picture repeated while frozen; only the encode thread touches it. */
    private java.nio.ByteBuffer held;
    private volatile StreamStats latest = StreamStats.EMPTY;
    private volatile StreamStats summary;
    private volatile EncodeException failure;

    JavaCvEncodeSession(EncodeRequest request, EncoderChoice choice, TestPatternSource source, FFmpegFrameRecorder recorder) {
        this.request = request;
        this.choice = choice;
        this.pictures = new PrefetchingSource(source, request.profile().fps(),
                THREAD_PREFIX + "source-" + TestPatternSource.safeText(request.streamName()));
        this.recorder = recorder;
        this.thread = Thread.ofPlatform().name(THREAD_PREFIX + TestPatternSource.safeText(request.streamName()))
                .daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    @Override
    public EncodeRequest request() {
        return request;
    }

    @Override
    public EncoderChoice encoder() {
        return choice;
    }

    @Override
    public StreamStats stats() {
        StreamStats s = summary;
        return s != null ? s : latest;
    }

    @Override
    public boolean isRunning() {
        return ended.getCount() > 0;
    }

    @Override
    public Optional<StreamStats> awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS) ? Optional.of(summary) : Optional.empty();
    }

    @Override
    public void freezePicture(boolean frozen) {
        this.frozen = frozen;
    }

    @Override
    public Optional<EncodeException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public StreamStats stop() {
        stopRequested = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        // The natives are closed before the latch opens; joining too means no encode thread outlives stop().
        boolean self = Thread.currentThread() == thread;
        while (true) {
            try {
                ended.await();
                if (!self) {
                    thread.join();
                }
                break;
            } catch (InterruptedException e) {
                // Returning before the natives are closed would leak them; finish waiting, then restore the flag.
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return summary;
    }

    private void run() {
        Counters c = new Counters(System.nanoTime());
        try {
            encode(c);
        } catch (Exception e) {
            failure = new EncodeException("stream '" + request.streamName() + "' failed after " + c.frames + " frames: "
                    + e.getMessage(), e);
        } finally {
            long bytes = finish(c);
            summary = c.summary(bytes, request.profile().fps());
            ended.countDown();
        }
    }

    private void encode(Counters c) throws Exception {
        long limit = request.frameLimit();
        long frameNanos = TimeUnit.SECONDS.toNanos(1) / request.profile().fps();
        long index = 0;
        while (!stopRequested && index < limit) {
            PrefetchingSource.Picture picture = pictures.take();
            try {
                if (picture.tone.hasRemaining()) {
                    recorder.recordSamples(TestPatternSource.SAMPLE_RATE, 1, picture.tone);
                }
                encode(c, picture, index, frameNanos);
            } finally {
                pictures.release(picture);
            }
            index++;
            long now = System.nanoTime();
            if (now - c.lastPublish >= PUBLISH_NANOS) {
                latest = c.publish(now, bytesSoFar());
            }
        }
    }

    /** Encodes picture {@code index} of the content, or skips it when real-time pacing has fallen behind. */
    private void encode(Counters c, PrefetchingSource.Picture picture, long index, long frameNanos) throws Exception {
        if (request.realtime()) {
            if (index == 0) {
                // The clock starts with the first picture, not with the thread: opening a connection is not lateness.
                c.paceOrigin = System.nanoTime();
            }
            long due = c.paceOrigin + index * frameNanos;
            long now = System.nanoTime();
            if (now < due) {
                parkUntil(due);
            } else if (now - due > frameNanos) {
                // A live encoder that fell behind skips pictures rather than drifting from the clock.
                c.dropped++;
                return;
            }
        }
        int w = request.profile().width();
        // Timestamps follow the content clock, so skipped pictures leave a gap rather than speeding time up.
        recorder.setFrameNumber((int) index);
        long t0 = System.nanoTime();
        recorder.recordImage(w, request.profile().height(), Frame.DEPTH_UBYTE, 1, w, AV_PIX_FMT_YUV420P,
                frozen ? heldCopyOf(picture.picture) : release(picture.picture));
        c.encodeNanos += System.nanoTime() - t0;
        c.frames++;
    }

    /** The picture to repeat while frozen: a copy of the first one seen after the freeze began. */
    private java.nio.ByteBuffer heldCopyOf(java.nio.ByteBuffer current) {
        if (held == null) {
            held = java.nio.ByteBuffer.allocateDirect(current.remaining());
            held.put(current.duplicate()).flip();
        }
        return held.duplicate();
    }

    private java.nio.ByteBuffer release(java.nio.ByteBuffer current) {
        held = null;
        return current;
    }

    private void parkUntil(long due) {
        long left;
        while (!stopRequested && (left = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private long bytesSoFar() {
        OutputTarget out = request.output();
        return out.kind() == OutputTarget.Kind.HLS ? Recorders.hlsBytes(out.path()) : Math.max(0, Recorders.bytesWritten(recorder));
    }

    /** Flushes the encoder, writes the trailer, releases everything; returns the bytes the stream came to. */
    private long finish(Counters c) {
        long bytes = 0;
        try {
            bytes = bytesSoFar();
            recorder.stop();
        } catch (Exception e) {
            if (failure == null) {
                failure = new EncodeException("stream '" + request.streamName() + "' did not finish cleanly: " + e.getMessage(), e);
            }
        } finally {
            EncoderLadder.release(recorder);
            pictures.close();
        }
        OutputTarget out = request.output();
        try {
            if (out.kind() == OutputTarget.Kind.FILE) {
                bytes = Files.size(out.path());
            } else if (out.kind() == OutputTarget.Kind.HLS) {
                bytes = Recorders.hlsBytes(out.path());
            }
        } catch (IOException e) {
            // Keep the muxer's own count.
        }
        return bytes;
    }

    /** Counters owned by the encode thread; only immutable snapshots leave it. */
    private static final class Counters {
        final long start;
        long paceOrigin;
        long frames;
        long dropped;
        long encodeNanos;
        long lastPublish;
        long lastFrames;
        long lastBytes;
        long lastEncodeNanos;

        Counters(long start) {
            this.start = start;
            this.lastPublish = start;
        }

        StreamStats publish(long now, long bytes) {
            double seconds = (now - lastPublish) / 1e9;
            long df = frames - lastFrames;
            StreamStats s = new StreamStats(frames, dropped, bytes, df / seconds, (bytes - lastBytes) * 8 / seconds,
                    df == 0 ? 0 : (encodeNanos - lastEncodeNanos) / 1e6 / df, Duration.ofNanos(now - start));
            lastPublish = now;
            lastFrames = frames;
            lastBytes = bytes;
            lastEncodeNanos = encodeNanos;
            return s;
        }

        /** Whole-run figures: wall fps, and the bitrate of the content (bytes over the stream's own duration). */
        StreamStats summary(long bytes, int fps) {
            long elapsed = System.nanoTime() - start;
            double contentSeconds = (frames + dropped) / (double) fps;
            return new StreamStats(frames, dropped, bytes, frames / (elapsed / 1e9),
                    contentSeconds == 0 ? 0 : bytes * 8 / contentSeconds, frames == 0 ? 0 : encodeNanos / 1e6 / frames,
                    Duration.ofNanos(elapsed));
        }
    }
}
