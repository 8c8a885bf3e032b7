package io.fleetdeck.media;

import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncoderChoice;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

/**
 * Hardware first, software last: each rung is tried by really opening it, because only FFmpeg knows whether a
 * driver, a device and a session slot are there. Cheap local checks come first so a machine without the device
 * gets a plain reason ("no NVIDIA device") instead of a driver loader error, and no time is spent loading drivers.
 */
final class EncoderLadder {
    enum Family { NVENC, VAAPI, QSV, SOFTWARE }

    record Rung(String encoder, Family family) {
        boolean hardware() {
            return family != Family.SOFTWARE;
        }
    }

    static final List<Rung> RUNGS = List.of(
            new Rung("h264_nvenc", Family.NVENC),
            new Rung("hevc_nvenc", Family.NVENC),
            new Rung("av1_nvenc", Family.NVENC),
            new Rung("h264_vaapi", Family.VAAPI),
            new Rung("h264_qsv", Family.QSV),
            new Rung("libx264", Family.SOFTWARE),
            new Rung("libopenh264", Family.SOFTWARE));

    /** A recorder opened on the chosen encoder, with the ladder's account of how it got there. */
    record Opened(FFmpegFrameRecorder recorder, EncoderChoice choice) {
    }

    private EncoderLadder() {
    }

    /** The rungs to try for a request: the whole ladder for {@code auto}, else only the named encoder. */
    static List<Rung> rungsFor(String requested) throws EncodeException {
        if (EncodeRequest.AUTO.equalsIgnoreCase(requested)) {
            return RUNGS;
        }
        return RUNGS.stream().filter(r -> r.encoder().equals(requested)).findFirst().map(List::of)
                .orElseThrow(() -> new EncodeException("unsupported encoder '" + requested + "': use auto or one of "
                        + RUNGS.stream().map(Rung::encoder).toList()));
    }

    /**
     * Opens the first rung that works.
     *
     * @param recorderFor builds an unopened recorder for one encoder
     * @throws EncodeException when no rung opens (the message lists every reason) or the output itself cannot be
     *                         opened (no point trying other encoders then)
     */
    static Opened open(List<Rung> rungs, Function<Rung, FFmpegFrameRecorder> recorderFor) throws EncodeException {
        return open(rungs, rung -> Optional.empty(), recorderFor);
    }

    /** As {@link #open(List, Function)}, with a further veto (e.g. NVML saying a GPU has no NVENC engine). */
    static Opened open(List<Rung> rungs, Function<Rung, Optional<String>> veto,
                       Function<Rung, FFmpegFrameRecorder> recorderFor) throws EncodeException {
        List<EncoderChoice.Rejection> rejected = new ArrayList<>();
        for (Rung rung : rungs) {
            Optional<String> unavailable = unavailable(rung).or(() -> veto.apply(rung));
            if (unavailable.isPresent()) {
                rejected.add(new EncoderChoice.Rejection(rung.encoder(), unavailable.get()));
                continue;
            }
            FFmpegFrameRecorder recorder = recorderFor.apply(rung);
            try (FfmpegLog.Capture log = FfmpegLog.capture()) {
                try {
                    recorder.start();
                    return new Opened(recorder, new EncoderChoice(rung.encoder(), rung.hardware(), rejected));
                } catch (FrameRecorder.Exception e) {
                    release(recorder);
                    String reason = TestPatternSource.detail(e.getMessage(), log.text());
                    if (isOutputFailure(e)) {
                        throw new EncodeException("cannot open the output: " + reason, e);
                    }
                    rejected.add(new EncoderChoice.Rejection(rung.encoder(), "FFmpeg: " + reason));
                }
            }
        }
        throw new NoEncoderException(rejected);
    }

    /** Every rung was rejected; the message lists each reason. */
    static final class NoEncoderException extends EncodeException {
        private final transient List<EncoderChoice.Rejection> rejected;

        NoEncoderException(List<EncoderChoice.Rejection> rejected) {
            super("no encoder could be opened:" + rejected.stream().map(r -> "\n  " + r).reduce("", String::concat));
            this.rejected = List.copyOf(rejected);
        }

        List<EncoderChoice.Rejection> rejected() {
            return rejected;
        }
    }

    /** Why a rung cannot work on this machine, found without opening it; empty when it is worth a try. */
    static Optional<String> unavailable(Rung rung) {
        if (avcodec_find_encoder_by_name(rung.encoder()) == null) {
            return Optional.of("encoder not in this FFmpeg build");
        }
        return switch (rung.family()) {
            case NVENC -> nvidiaPresent() ? Optional.empty()
                    : Optional.of("no NVIDIA device (no /dev/nvidiactl, no driver in /proc/driver/nvidia)");
            case VAAPI -> renderNodes().isEmpty() ? Optional.of("no VAAPI render node (/dev/dri/renderD* absent)") : Optional.empty();
            case QSV -> renderNodes().stream().anyMatch(EncoderLadder::isIntel) ? Optional.empty()
                    : Optional.of("no Intel GPU render node for Quick Sync");
            case SOFTWARE -> Optional.empty();
        };
    }

    private static boolean isOutputFailure(FrameRecorder.Exception e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("avio_open2") || m.startsWith("avformat_write_header") || m.startsWith("av_guess_format");
    }

    private static boolean nvidiaPresent() {
        return Files.exists(Path.of("/dev/nvidiactl")) || Files.isDirectory(Path.of("/proc/driver/nvidia"));
    }

    private static List<Path> renderNodes() {
        List<Path> nodes = new ArrayList<>();
        Path dri = Path.of("/dev/dri");
        if (Files.isDirectory(dri)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dri, "renderD*")) {
                ds.forEach(nodes::add);
            } catch (IOException e) {
                return List.of();
            }
        }
        return nodes;
    }

    private static boolean isIntel(Path renderNode) {
        Path vendor = Path.of("/sys/class/drm", renderNode.getFileName().toString(), "device", "vendor");
        try {
            return Files.readString(vendor).trim().equalsIgnoreCase("0x8086");
        } catch (IOException e) {
            return false;
        }
    }

    static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            System.getLogger(EncoderLadder.class.getName()).log(System.Logger.Level.DEBUG, "recorder release", e);
        }
    }
}
