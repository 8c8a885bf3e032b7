package io.fleetdeck.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The system's real ffprobe (Debian's ffmpeg package), as an independent judge of what the engine wrote. */
final class FfprobeTool {
    private FfprobeTool() {
    }

    static boolean available() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, "ffprobe"))) {
                return true;
            }
        }
        return false;
    }

    /** The first video stream's fields, e.g. codec_name, profile, width, r_frame_rate, bit_rate. */
    static Map<String, String> videoStream(String input, String... extraArgs) throws IOException, InterruptedException {
        return stream("v:0", input, extraArgs);
    }

    /** Fields of the first stream matching {@code selector} ({@code v:0}, {@code a:0}); empty if there is none. */
    static Map<String, String> stream(String selector, String input, String... extraArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffprobe", "-v", "error"));
        cmd.addAll(List.of(extraArgs));
        cmd.addAll(List.of("-select_streams", selector, "-show_entries",
                "stream=codec_name,profile,width,height,r_frame_rate,avg_frame_rate,bit_rate,nb_frames,sample_rate,channels",
                "-of", "default=noprint_wrappers=1", input));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ffprobe " + input + " failed: " + out);
        }
        Map<String, String> fields = new HashMap<>();
        out.lines().filter(l -> l.contains("=")).forEach(l -> fields.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return fields;
    }
}
