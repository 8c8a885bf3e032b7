package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewSource;
import io.fleetdeck.core.media.PreviewState;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The media benchmarks in one run: first the engine against the ffmpeg CLI ({@link io.fleetdeck.media.EncodeBenchmark}),
 * then the preview table: decode speed against
 * {@code ffmpeg -f null} with the same scaling; glass-to-glass latency of an own low-latency stream on loopback;
 * the CPU of a 16-tile wall of 1080p25 streams (senders copy a pre-encoded file, so they cost almost nothing).
 *
 * <p>Run: {@code mvn -B -Pbench-media -DskipTests -pl modules/media -am verify}
 */
public final class PreviewBenchmark {
    private PreviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        io.fleetdeck.media.EncodeBenchmark.main(new String[] {"500", "3", "1080p25"});
        System.out.println();
        Path dir = Files.createTempDirectory("fleetdeck-preview-bench");
        Path clip = dir.resolve("bars1080.ts");
        run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=1920x1080:rate=25", "-t", "10", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-b:v", "5M", "-pix_fmt", "yuv420p", clip.toString());
        List<String[]> rows = new ArrayList<>();

        double ffmpeg = ffmpegDecodeFps(clip);
        double ours = previewDecodeFps(clip);
        rows.add(new String[] {"full decode 1080p25 → 320x180 BGRA: ffmpeg -f null", fps(ffmpeg), ""});
        rows.add(new String[] {"full decode 1080p25 → 320x180 BGRA: preview decoder", fps(ours),
                String.format(Locale.ROOT, "ratio %.2f (target ≥ 0.9)", ours / ffmpeg)});

        long[] latency = glassToGlass(seconds);
        rows.add(new String[] {"glass-to-glass own stream on loopback p50 / p95",
                ms(latency[0]) + " / " + ms(latency[1]), "p95 ≤ 50 ms"});

        double cores = wallCpu(clip, 16, seconds);
        rows.add(new String[] {"16-tile wall of 1080p25 (key frames, 320x180): CPU", String.format(Locale.ROOT,
                "%.2f cores", cores), "≤ 1 core"});
        print(rows);
        System.exit(0);
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }

    private static double ffmpegDecodeFps(Path clip) throws Exception {
        long t = System.nanoTime();
        run("ffmpeg", "-hide_banner", "-loglevel", "error", "-i", clip.toString(), "-vf",
                "scale=320:180,format=bgra", "-f", "null", "-");
        return 250 / ((System.nanoTime() - t) / 1e9);
    }

    private static double previewDecodeFps(Path clip) throws Exception {
        long t = System.nanoTime();
        int frames = 0;
        try (FFmpegFrameGrabber g = JavaCvPreview.configure(clip.toString(), new PreviewRequest(320, 180, false, false))) {
            g.startUnsafe();
            int[] back = new int[320 * 180];
            Frame f;
            while ((f = g.grabImage()) != null) {
                ByteBuffer b = ((ByteBuffer) f.image[0]).duplicate().order(ByteOrder.LITTLE_ENDIAN);
                b.asIntBuffer().get(0, back, 0, back.length);
                frames++;
            }
        }
        return frames / ((System.nanoTime() - t) / 1e9);
    }

    /**
     * Frames whose top-left block encodes their number are encoded (x264 zerolatency) to UDP; the preview
     * decoder (low-latency) reads the number back; latency = decoded − made, per frame.
     */
    private static long[] glassToGlass(int seconds) throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0)) {
            port = s.getLocalPort();
        }
        Map<Integer, Long> made = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        String url = "udp://127.0.0.1:" + port;
        JavaCvPreview preview = new JavaCvPreview(url, new PreviewRequest(640, 360, false, true), () -> false);
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            IntBuffer px = IntBuffer.allocate(640 * 360);
            int last = -1;
            while (!Thread.currentThread().isInterrupted()) {
                if (preview.copyLatest(px)) {
                    int n = decodeNumber(px, 640);
                    Long t0 = made.remove(n);
                    if (t0 != null && n != last) {
                        latencies.add(System.nanoTime() - t0);
                        last = n;
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
        });
        Thread.sleep(500);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(url + "?pkt_size=1316", 640, 360, 0)) {
            r.setFormat("mpegts");
            r.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            r.setVideoOption("preset", "ultrafast");
            r.setVideoOption("tune", "zerolatency");
            r.setGopSize(25);
            r.setFrameRate(25);
            r.setVideoBitrate(1_500_000);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            // Every PES with its length, so the demuxer hands a frame over as soon as it is complete.
            r.setOption("omit_video_pes_length", "0");
            r.setOption("muxdelay", "0");
            r.start();
            Frame frame = new Frame(640, 360, Frame.DEPTH_UBYTE, 4);
            long start = System.nanoTime();
            int total = seconds * 25;
            for (int n = 0; n < total; n++) {
                long due = start + n * 40_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                paint((ByteBuffer) frame.image[0], n);
                made.put(n % 4096, System.nanoTime());
                r.record(frame, avutil.AV_PIX_FMT_BGRA);
            }
        }
        Thread.sleep(500);
        reader.interrupt();
        preview.close();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new long[] {-1, -1};
        }
        return new long[] {sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1)};
    }

    /** 12 bits of the frame number as 12 blocks of 16×16 black or white, robust to compression. */
    private static void paint(ByteBuffer bgra, int n) {
        ByteBuffer b = bgra.duplicate();
        int stride = 640 * 4;
        for (int y = 0; y < 360; y++) {
            for (int x = 0; x < 640; x++) {
                int i = y * stride + x * 4;
                byte v = (byte) ((x + y + n * 3) & 0xff); // moving background
                if (y < 16 && x < 12 * 16) {
                    v = ((n % 4096) >> (x / 16) & 1) == 1 ? (byte) 255 : 0;
                }
                b.put(i, v).put(i + 1, v).put(i + 2, v).put(i + 3, (byte) 255);
            }
        }
    }

    private static int decodeNumber(IntBuffer px, int width) {
        int n = 0;
        for (int bit = 0; bit < 12; bit++) {
            int p = px.get(8 * width + bit * 16 + 8);
            if ((p & 0xff) > 128) {
                n |= 1 << bit;
            }
        }
        return n;
    }

    private static double wallCpu(Path clip, int tiles, int seconds) throws Exception {
        List<Process> senders = new ArrayList<>();
        List<PreviewSource.Preview> previews = new ArrayList<>();
        JavaCvPreviewSource source = new JavaCvPreviewSource();
        try {
            for (int i = 0; i < tiles; i++) {
                int port;
                try (DatagramSocket s = new DatagramSocket(0)) {
                    port = s.getLocalPort();
                }
                senders.add(new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-re", "-stream_loop",
                        "-1", "-i", clip.toString(), "-c", "copy", "-f", "mpegts",
                        "udp://127.0.0.1:" + port + "?pkt_size=1316").start());
                previews.add(source.open("udp://127.0.0.1:" + port, PreviewRequest.tile(320, 180)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (previews.stream().anyMatch(p -> p.status().state() != PreviewState.PLAYING)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            IntBuffer px = IntBuffer.allocate(320 * 180);
            long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                for (PreviewSource.Preview p : previews) {
                    p.copyLatest(px); // what the screen's pulse does
                }
                Thread.sleep(100);
            }
            return (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - t0);
        } finally {
            previews.forEach(PreviewSource.Preview::close);
            for (Process p : senders) {
                p.destroyForcibly();
            }
        }
    }

    private static String fps(double v) {
        return String.format(Locale.ROOT, "%.0f fps", v);
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static void print(List<String[]> rows) {
        int w0 = 10;
        int w1 = 10;
        for (String[] r : rows) {
            w0 = Math.max(w0, r[0].length());
            w1 = Math.max(w1, r[1].length());
        }
        String fmt = "| %-" + w0 + "s | %-" + w1 + "s | %s%n";
        System.out.printf(fmt, "metric", "value", "target");
        System.out.printf(fmt, "-".repeat(w0), "-".repeat(w1), "------");
        for (String[] r : rows) {
            System.out.printf(fmt, r[0], r[1], r[2]);
        }
    }
}
