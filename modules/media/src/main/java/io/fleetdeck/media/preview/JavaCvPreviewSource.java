package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewSource;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * {@link PreviewSource} on JavaCV's FFmpeg: one decoder thread per open preview. Full decodes of a stream whose codec
 * is known go to NVDEC when {@code nvdecPresent} says this machine has an NVIDIA GPU (asked once, on a decoder
 * thread, the first time it matters), software otherwise.
 */
public final class JavaCvPreviewSource implements PreviewSource {
    private final BooleanSupplier nvdecPresent;
    private volatile Boolean nvdec;
    private final Map<String, WeakReference<JavaCvPreview>> lastOnPort = new ConcurrentHashMap<>();

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
        String u = url.trim();
        if (!bindsAPort(u)) {
            return new JavaCvPreview(u, request, this::nvdecPresent);
        }
        // A wall tile hands its UDP port to the detail pane (and back): the new preview waits for the old one.
        WeakReference<JavaCvPreview> last = lastOnPort.get(u);
        JavaCvPreview preview = new JavaCvPreview(u, request, this::nvdecPresent, last == null ? null : last.get());
        lastOnPort.put(u, new WeakReference<>(preview));
        return preview;
    }

    private static boolean bindsAPort(String url) {
        return url.startsWith("udp:") || url.startsWith("rtp:");
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
