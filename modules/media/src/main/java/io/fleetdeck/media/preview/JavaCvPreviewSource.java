package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewSource;

/** {@link PreviewSource} on JavaCV's FFmpeg: one decoder thread per open preview. */
public final class JavaCvPreviewSource implements PreviewSource {
    @Override
    public Preview open(String url, PreviewRequest request) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no stream URL");
        }
        return new JavaCvPreview(url.trim(), request);
    }
}
