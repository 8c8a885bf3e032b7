package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewSource;

import java.util.function.BooleanSupplier;

/**
 * {@link PreviewSource} on JavaCV's FFmpeg: one decoder thread per open preview. Full decodes of a stream whose codec
 * is known go to NVDEC when {@code nvdecPresent} says this machine has an NVIDIA GPU (asked once, on a decoder
 * thread, the first time it matters), software otherwise.
 */
public final class JavaCvPreviewSource implements PreviewSource {
    private final BooleanSupplier nvdecPresent;
    private volatile Boolean nvdec;

    /** Software decoding only. */
    public JavaCvPreviewSource() {
        this(() -> false);
    }

    public JavaCvPreviewSource(BooleanSupplier nvdecPresent) {
        this.nvdecPresent = nvdecPresent;
    }

    @Override
    public Preview open(String url, PreviewRequest request) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no stream URL");
        }
        return new JavaCvPreview(url.trim(), request, this::nvdecPresent);
    }

    private boolean nvdecPresent() {
        Boolean known = nvdec;
        if (known == null) {
            synchronized (this) {
                if (nvdec == null) {
                    boolean present;
                    try {
                        present = nvdecPresent.getAsBoolean();
                    } catch (RuntimeException | LinkageError e) {
                        present = false;
                    }
                    nvdec = present;
                }
                known = nvdec;
            }
        }
        return known;
    }
}
