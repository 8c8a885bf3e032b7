package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewSource;
import io.fleetdeck.core.media.PreviewState;
import io.fleetdeck.core.media.PreviewStatus;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Hardware check, for a machine with an NVIDIA GPU: full-decodes each file given (as fast as it reads) through
 * {@link JavaCvPreviewSource} once with NVDEC allowed and once in software, and prints a table of the decoder used,
 * pictures decoded per second (open included) and this process's CPU time per picture.
 * {@code java -cp ... io.fleetdeck.media.preview.NvdecCheck FILE:CODEC:FRAMES [...]}
 */
public final class NvdecCheck {
    private NvdecCheck() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "| %-16s | %-36s | %9s | %14s |%n", "file", "decoder", "pictures/s", "CPU ms/picture");
        System.out.println("| --- | --- | --- | --- |");
        for (String arg : args) {
            String[] parts = arg.split(":");
            for (boolean nvdec : new boolean[]{true, false}) {
                row(parts[0], parts[1], Integer.parseInt(parts[2]), nvdec);
            }
        }
    }

    private static void row(String file, String codec, int frames, boolean nvdec) throws Exception {
        PreviewSource source = new JavaCvPreviewSource(() -> nvdec);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        PreviewStatus last;
        try (PreviewSource.Preview p = source.open(file, new PreviewRequest(640, 360, false, false, codec))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // The file is decoded as fast as it reads; at its end the preview reports the stream lost.
            while (p.status().state() != PreviewState.LOST && System.nanoTime() < deadline) {
                LockSupport.parkNanos(2_000_000);
            }
            last = p.status();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (cpuNanos() - cpu0) / 1e6;
        System.out.printf(Locale.ROOT, "| %-16s | %-36s | %9.0f | %14.2f |%n",
                file.substring(file.lastIndexOf('/') + 1), last.decoder(), frames / seconds, cpuMs / frames);
        if (last.decoder().isEmpty()) {
            System.out.println("  (never opened: " + last.message() + ")");
        }
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
