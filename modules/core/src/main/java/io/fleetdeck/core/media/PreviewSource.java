package io.fleetdeck.core.media;

import java.nio.IntBuffer;

/**
 * Live stream previews. Each open preview decodes on its own thread at the requested size into a buffer it
 * reuses; the screen takes the newest frame when it draws. Closing a preview stops its decoder.
 */
public interface PreviewSource {
    Preview open(String url, PreviewRequest request);

    /** One decoding stream. */
    interface Preview extends AutoCloseable {
        String url();

        PreviewRequest request();

        PreviewStatus status();

        /**
         * Copies the newest frame, if one arrived since the last call, into {@code target} (width × height
         * premultiplied ARGB ints, as JavaFX's {@code PixelBuffer<IntBuffer>} wants) and returns true.
         */
        boolean copyLatest(IntBuffer target);

        @Override
        void close();
    }
}
