package io.fleetdeck.app.streams;

import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewSource;
import io.fleetdeck.core.media.PreviewState;
import io.fleetdeck.core.media.PreviewStatus;
import io.fleetdeck.core.model.PodInfo;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Locale;

/**
 * One stream of the wall: the session pod it belongs to, its preview while the tile is visible, and the
 * newest picture in a buffer the view wraps in a {@code PixelBuffer} (so no image is made per frame).
 */
public final class StreamTile {
    private final ReadOnlyObjectWrapper<PodInfo> pod;
    private final ReadOnlyObjectWrapper<PreviewStatus> status =
            new ReadOnlyObjectWrapper<>(this, "status", new PreviewStatus(PreviewState.STOPPED, "", 0, 0, "", 0, 0, 0, null, 0));
    private final PreviewRequest request;
    private final IntBuffer pixels;
    private PreviewSource.Preview preview;

    StreamTile(PodInfo pod, PreviewRequest request) {
        this.pod = new ReadOnlyObjectWrapper<>(this, "pod", pod);
        this.request = request;
        this.pixels = ByteBuffer.allocateDirect(request.width() * request.height() * 4)
                .order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    public String key() {
        return pod.get().key();
    }

    public PodInfo pod() {
        return pod.get();
    }

    public ReadOnlyObjectProperty<PodInfo> podProperty() {
        return pod.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PreviewStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public PreviewRequest request() {
        return request;
    }

    /** The tile's picture: width × height premultiplied ARGB, rewritten in place as frames arrive. */
    public IntBuffer pixels() {
        return pixels;
    }

    public boolean isDecoding() {
        return preview != null;
    }

    void update(PodInfo p) {
        pod.set(p);
    }

    void start(PreviewSource source) {
        if (preview == null) {
            preview = source.open(pod.get().previewUrl(), request);
        }
    }

    void stop() {
        stop("Not visible: decoding paused");
    }

    void stop(String why) {
        if (preview != null) {
            preview.close();
            preview = null;
            status.set(status.get().with(PreviewState.STOPPED, why));
        }
    }

    /** Takes the newest frame and status; true when the picture changed. Called on the UI pulse. */
    boolean refresh() {
        if (preview == null) {
            return false;
        }
        status.set(preview.status());
        return preview.copyLatest(pixels);
    }

    /**
     * "24.8/25 fps · h264 1280x720 · 5120 kb/s" for a full decode; a wall tile decodes key frames only, so it tells
     * the stream's own rate against the target instead ("stream 25/25 fps · h264 320x180 · 310 kb/s"); the wall's
     * tool bar says so once.
     */
    public String overlay(PreviewStatus s) {
        int targetFps = pod().targetFps();
        if (s.state() == PreviewState.PLAYING) {
            double rate = request.keyframesOnly() ? s.streamFps() : s.fps();
            String fps = (request.keyframesOnly() ? "stream " : "")
                    + (targetFps > 0 ? String.format(Locale.ROOT, "%.1f/%d fps", rate, targetFps)
                    : String.format(Locale.ROOT, "%.1f fps", rate));
            return fps + " · " + s.codec() + (s.sourceWidth() > 0 ? " " + s.sourceWidth() + "x" + s.sourceHeight() : "")
                    + (s.bitrate() > 0 ? String.format(Locale.ROOT, " · %.0f kb/s", s.bitrate() / 1000.0) : "")
                    + (s.decoder().endsWith("(NVDEC)") ? " · NVDEC" : "");
        }
        return s.state().label() + (s.message().isEmpty() || s.message().equals(s.state().label()) ? ""
                : ": " + s.message());
    }
}
