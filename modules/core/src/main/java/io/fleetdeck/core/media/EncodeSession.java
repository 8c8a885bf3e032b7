package io.fleetdeck.core.media;

import java.time.Duration;
import java.util.Optional;

/** A running encode. Closing it stops the encode and releases every native resource before returning. */
public interface EncodeSession extends AutoCloseable {
    EncodeRequest request();

    /** The encoder the ladder settled on, with the reasons for the ones passed over. */
    EncoderChoice encoder();

    /** Latest counters; rates over roughly the last second. Safe from any thread. */
    StreamStats stats();

    boolean isRunning();

    /**
     * Waits for the session to end by itself (its duration reached, or a failure).
     *
     * @return the whole run's statistics, or empty if it is still running after {@code timeout}
     */
    Optional<StreamStats> awaitEnd(Duration timeout) throws InterruptedException;

    /**
     * Freezes the picture (the last one is encoded again and again, timecode included) or lets it move again:
     * the stream keeps flowing, so a monitoring system's frozen-picture alarm can be tested end to end.
     */
    void freezePicture(boolean frozen);

    /** Why the session ended early, if it did. */
    Optional<EncodeException> failure();

    /** Stops the encode, flushes the encoder, finishes the container; returns the whole run's statistics. */
    StreamStats stop();

    @Override
    default void close() {
        stop();
    }
}
