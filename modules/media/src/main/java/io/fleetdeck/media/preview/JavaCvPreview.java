package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewSource;
import io.fleetdeck.core.media.PreviewState;
import io.fleetdeck.core.media.PreviewStatus;
import io.fleetdeck.media.FfmpegLog;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One preview: a decoder thread that opens the stream (again, with back-off, when it is lost), scales each
 * picture to the tile's size in swscale as BGRA, and keeps the newest one in a double buffer for the screen.
 */
final class JavaCvPreview implements PreviewSource.Preview {
    static final int READ_TIMEOUT_MS = 2000;
    private static final long MAX_BACKOFF_MS = 8000;

    private final String url;
    private final PreviewRequest request;
    private final Thread thread;
    private final PictureCheck check = new PictureCheck();
    private final DecoderChoice decoders;
    private JavaCvPreview predecessor;
    private final Object lock = new Object();
    private int[] back;
    private int[] ready;
    private boolean fresh;
    private volatile boolean running = true;
    private volatile PreviewStatus status = PreviewStatus.connecting();

    JavaCvPreview(String url, PreviewRequest request, BooleanSupplier nvdecPresent) {
        this(url, request, nvdecPresent, null);
    }

    /**
     * @param predecessor the previous preview of the same port-binding URL (udp, rtp), or null: if it was closed,
     *                    this one waits for it to let go of the port before opening, instead of failing with
     *                    "address in use" and retrying
     */
    JavaCvPreview(String url, PreviewRequest request, BooleanSupplier nvdecPresent, JavaCvPreview predecessor) {
        this.url = url;
        this.request = request;
        this.predecessor = predecessor;
        this.decoders = new DecoderChoice(nvdecPresent);
        int pixels = request.width() * request.height();
        this.back = new int[pixels];
        this.ready = new int[pixels];
        this.thread = new Thread(this::run, "fleetdeck-preview " + url);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public PreviewRequest request() {
        return request;
    }

    @Override
    public PreviewStatus status() {
        return status;
    }

    @Override
    public boolean copyLatest(IntBuffer target) {
        synchronized (lock) {
            if (!fresh) {
                return false;
            }
            target.clear();
            target.put(ready, 0, Math.min(ready.length, target.capacity()));
            target.flip();
            fresh = false;
            return true;
        }
    }

    /** Returns at once: the decoder notices within its read timeout and releases everything itself. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    /** For tests: whether the decoder thread has ended within the time. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        return !thread.isAlive();
    }

    boolean isClosed() {
        return !running;
    }

    private void run() {
        if (predecessor != null && predecessor.isClosed()) {
            try {
                predecessor.awaitStopped(Duration.ofMillis(READ_TIMEOUT_MS + 1000));
            } catch (InterruptedException e) {
                return;
            }
        }
        predecessor = null;
        long backoff = 500;
        int reconnects = 0;
        while (running) {
            boolean played = false;
            boolean opened = false;
            String hardware = decoders.hardwareFor(request);
            String said = "";
            try (FFmpegFrameGrabber grabber = configure(url, request, hardware)) {
                if (hardware == null) {
                    grabber.startUnsafe();
                } else {
                    // Why NVDEC fails ("Cannot load libcuda.so.1") is only in FFmpeg's log, not in the exception.
                    FfmpegLog.install();
                    try (FfmpegLog.Capture log = FfmpegLog.capture()) {
                        try {
                            grabber.startUnsafe();
                        } finally {
                            said = log.text();
                        }
                    }
                }
                opened = true;
                status = describe(grabber, reconnects, hardware);
                played = decode(grabber);
            } catch (Exception | LinkageError e) {
                if (hardware != null && !played && running && DecoderChoice.decoderFault(e.getMessage(), opened)) {
                    decoders.hardwareFailed(said.isEmpty() ? reason(e)
                            : said.replaceAll("\\[[^]]* @ 0x[0-9a-f]+] ", ""));
                    continue; // at once, in software: the stream is fine
                }
                status = status.with(PreviewState.LOST, reason(e));
            }
            if (!running) {
                break;
            }
            if (played) {
                backoff = 500;
            }
            if (status.state() != PreviewState.LOST) {
                status = status.with(PreviewState.LOST, "Stream ended");
            }
            reconnects++;
            status = new PreviewStatus(PreviewState.LOST, status.message() + "; retrying in "
                    + (backoff / 1000.0) + " s", 0, status.streamFps(), status.codec(), status.sourceWidth(),
                    status.sourceHeight(), status.bitrate(), status.lastGood(), reconnects, status.decoder());
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                break;
            }
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
        status = status.with(PreviewState.STOPPED, "");
    }

    /** The decoder settings of every preview (also used by the benchmark, so it measures the same thing). */
    static FFmpegFrameGrabber configure(String url, PreviewRequest request) {
        return configure(url, request, null);
    }

    /** As above, decoding with {@code hardware} (a cuvid decoder, which also scales on the GPU) unless null. */
    static FFmpegFrameGrabber configure(String url, PreviewRequest request, String hardware) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(url);
        if (hardware != null) {
            g.setVideoCodecName(hardware);
            g.setVideoOption("resize", request.width() + "x" + request.height());
        }
        g.setImageWidth(request.width());
        g.setImageHeight(request.height());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGRA);
        g.setTimeout(READ_TIMEOUT_MS);
        g.setOption("rw_timeout", String.valueOf(READ_TIMEOUT_MS * 1000L));
        // Small probe: a preview must show in a second, not after FFmpeg's default 5 s analysis.
        g.setOption("probesize", "500000");
        g.setOption("analyzeduration", "1000000");
        if (url.startsWith("udp:")) {
            // udp reads ignore rw_timeout; without its own timeout a silent port blocks the decoder forever.
            g.setOption("timeout", String.valueOf(READ_TIMEOUT_MS * 1000L));
            g.setOption("overrun_nonfatal", "1");
            g.setOption("fifo_size", "50000");
        }
        if (request.lowLatency()) {
            g.setOption("fflags", "nobuffer");
            g.setOption("flags", "low_delay");
            g.setVideoOption("threads", "1");
        }
        if (request.keyframesOnly()) {
            g.setVideoOption("skip_frame", "nokey");
        }
        return g;
    }

    /** Decodes until the stream ends or the preview is closed; true if at least one picture was shown. */
    private boolean decode(FFmpegFrameGrabber grabber) throws Exception {
        check.reset();
        boolean any = false;
        long windowStart = System.nanoTime();
        int windowFrames = 0;
        double fps = 0;
        long windowBytes = bytesRead(grabber);
        long bitrate = status.bitrate();
        Frame frame;
        while (running && (frame = grabber.grabImage()) != null) {
            if (frame.image == null || frame.imageWidth != request.width() || frame.imageHeight != request.height()) {
                continue;
            }
            copyIntoBack(frame);
            long now = System.nanoTime();
            PreviewState picture = check.check(IntBuffer.wrap(back), back.length, now);
            publish();
            any = true;
            windowFrames++;
            if (now - windowStart >= 1_000_000_000L) {
                fps = windowFrames * 1e9 / (now - windowStart);
                long bytes = bytesRead(grabber);
                if (bytes > windowBytes) {
                    // What the wire carries (all streams, container overhead included), as operators quote it.
                    bitrate = Math.round((bytes - windowBytes) * 8e9 / (now - windowStart));
                }
                windowBytes = bytes;
                windowFrames = 0;
                windowStart = now;
            }
            PreviewStatus s = status;
            Instant lastGood = picture == PreviewState.PLAYING ? Instant.now() : s.lastGood();
            status = new PreviewStatus(picture, picture == PreviewState.PLAYING ? "" : picture.label(), fps,
                    s.streamFps(), s.codec(), s.sourceWidth(), s.sourceHeight(), bitrate, lastGood, s.reconnects(),
                    s.decoder());
        }
        return any;
    }

    /** Bytes the input has read so far (0 when FFmpeg keeps no count for it). */
    private static long bytesRead(FFmpegFrameGrabber grabber) {
        AVFormatContext fc = grabber.getFormatContext();
        return fc == null || fc.pb() == null ? 0 : fc.pb().bytes_read();
    }

    private void copyIntoBack(Frame frame) {
        ByteBuffer bytes = ((ByteBuffer) frame.image[0]).duplicate().order(ByteOrder.LITTLE_ENDIAN);
        IntBuffer pixels = bytes.asIntBuffer();
        int w = request.width();
        int strideInts = frame.imageStride / 4 > 0 ? frame.imageStride / 4 : w;
        if (strideInts < w) {
            strideInts = w;
        }
        for (int y = 0; y < request.height(); y++) {
            // Little-endian BGRA bytes read as ints are ARGB, opaque, so already premultiplied.
            pixels.get(y * strideInts, back, y * w, w);
        }
    }

    private void publish() {
        synchronized (lock) {
            int[] t = ready;
            ready = back;
            back = t;
            fresh = true;
        }
    }

    private PreviewStatus describe(FFmpegFrameGrabber g, int reconnects, String hardware) {
        int width = 0;
        int height = 0;
        String codec = "";
        AVFormatContext fc = g.getFormatContext();
        if (fc != null) {
            for (int i = 0; i < fc.nb_streams(); i++) {
                AVStream st = fc.streams(i);
                if (st.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                    width = st.codecpar().width();
                    height = st.codecpar().height();
                    // The stream's codec, not the decoder's name (h264, also when h264_cuvid decodes it).
                    codec = avcodec.avcodec_get_name(st.codecpar().codec_id()).getString();
                    break;
                }
            }
        }
        return new PreviewStatus(PreviewState.CONNECTING, g.hasVideo() ? "" : "no video stream", 0,
                g.getVideoFrameRate(), codec, width, height, g.getVideoBitrate(), null, reconnects,
                decoders.label(codec, hardware));
    }

    static String reason(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Keep the first line and drop JavaCV's hints for developers; say what FFmpeg's number means.
        int nl = m.indexOf('\n');
        m = nl > 0 ? m.substring(0, nl) : m;
        for (String developerHint : new String[]{" (Has setFormat", " (For more details"}) {
            int hint = m.indexOf(developerHint);
            m = hint > 0 ? m.substring(0, hint) : m;
        }
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("error (-?\\d+)").matcher(m);
        if (code.find()) {
            String meaning = switch (code.group(1)) {
                case "-98" -> "address in use: another receiver holds this UDP port";
                case "-111" -> "connection refused";
                case "-110" -> "timed out";
                case "-5" -> "input/output error";
                case "-2" -> "no such file";
                case "-1094995529" -> "invalid data: not a stream FFmpeg can read";
                default -> null;
            };
            if (meaning != null) {
                m = m + " (" + meaning + ")";
            }
        }
        return m;
    }
}
