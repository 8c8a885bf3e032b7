package io.fleetdeck.media;

import org.bytedeco.javacpp.BytePointer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

/**
 * Runs the test pattern's filter graph on a thread of its own, a few pictures ahead of the encoder. Generating
 * 1080p bars with text costs about as much as encoding them with x264 ultrafast; done in turn on one thread the
 * two add up, while the {@code ffmpeg} command line overlaps them (filtering and encoding have separate threads
 * since FFmpeg 7). Buffers circulate between a free and a full queue, so nothing is allocated per frame.
 */
final class PrefetchingSource implements AutoCloseable {
    private static final int DEPTH = 3;

    /** One picture and the tone samples that go with it. */
    static final class Picture {
        final BytePointer native_;
        final ByteBuffer picture;
        final ShortBuffer tone;

        /** The marker that tells the encoder the generator failed. */
        private Picture() {
            native_ = null;
            picture = null;
            tone = null;
        }

        private Picture(int pictureBytes, int toneSamples) {
            native_ = new BytePointer(av_malloc(pictureBytes)).capacity(pictureBytes);
            picture = native_.asBuffer();
            tone = ByteBuffer.allocateDirect(toneSamples * 2).order(ByteOrder.nativeOrder()).asShortBuffer();
        }
    }

    private static final Picture FAILED = new Picture();

    private final TestPatternSource source;
    private final List<Picture> all = new ArrayList<>();
    private final BlockingQueue<Picture> free = new ArrayBlockingQueue<>(DEPTH);
    private final BlockingQueue<Picture> full = new ArrayBlockingQueue<>(DEPTH);
    private final Thread thread;
    private final int fps;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    PrefetchingSource(TestPatternSource source, int fps, String threadName) {
        this.source = source;
        this.fps = fps;
        // Tone frames come in blocks of 1024 samples: a picture's share plus up to two blocks of carry-over.
        int toneSamples = TestPatternSource.SAMPLE_RATE / fps + 2048;
        for (int i = 0; i < DEPTH; i++) {
            Picture p = new Picture(source.pictureBytes(), toneSamples);
            all.add(p);
            free.add(p);
        }
        thread = Thread.ofPlatform().name(threadName).daemon(true).unstarted(this::produce);
        thread.start();
    }

    /** The next picture, generated ahead; give it back with {@link #release(Picture)} once encoded. */
    Picture take() throws InterruptedException {
        Picture p = full.take();
        if (p == FAILED) {
            throw failure;
        }
        return p;
    }

    void release(Picture p) {
        free.offer(p);
    }

    private void produce() {
        long index = 0;
        try {
            while (!closed) {
                Picture p = free.take();
                source.nextPicture(p.native_);
                p.tone.clear();
                if (source.hasTone()) {
                    source.toneUntil(++index / (double) fps, (rate, pcm) -> p.tone.put(pcm));
                }
                p.tone.flip();
                full.put(p);
            }
        } catch (InterruptedException e) {
            // Closing: nothing more to generate.
        } catch (Exception e) {
            failure = e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
            full.clear();
            full.offer(FAILED);
        }
    }

    /** Stops the generator thread, then frees the graph and every buffer (the thread no longer touches them). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        source.close();
        // Every buffer, including one the encoder may still hold after a failure: the session is over.
        free.clear();
        full.clear();
        all.forEach(p -> av_free(p.native_));
        all.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
