package io.fleetdeck.media;

import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.OutputTarget;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.javacv.FFmpegFrameRecorder;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.bytedeco.ffmpeg.global.avformat.av_sdp_create;
import static org.bytedeco.ffmpeg.global.avformat.avio_tell;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV12;

/** Builds recorders for an output and an encoder, and reads what JavaCV does not expose about them. */
final class Recorders {
    private static final Field FORMAT_CONTEXT = formatContextField();

    private Recorders() {
    }

    static FFmpegFrameRecorder create(OutputTarget out, EncodeProfile p, EncoderLadder.Rung rung, boolean tone) {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(url(out), p.width(), p.height(), tone ? 1 : 0);
        r.setFormat(out.muxer());
        r.setFrameRate(p.fps());
        r.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, p.bitrate()));
        r.setGopSize(p.gop());
        r.setVideoCodecName(rung.encoder());
        tune(r, p, rung);
        if (tone) {
            r.setAudioCodecName("aac");
            r.setSampleRate(48_000);
            r.setAudioBitrate(96_000);
        }
        mux(r, out, p);
        return r;
    }

    /** A recorder that encodes into FFmpeg's null muxer: opens the encoder exactly as a real session would. */
    static FFmpegFrameRecorder probe(EncodeProfile p, EncoderLadder.Rung rung) {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder("-", p.width(), p.height(), 0);
        r.setFormat("null");
        r.setFrameRate(p.fps());
        r.setVideoBitrate((int) Math.min(Integer.MAX_VALUE, p.bitrate()));
        r.setGopSize(p.gop());
        r.setVideoCodecName(rung.encoder());
        tune(r, p, rung);
        return r;
    }

    /** Constant bitrate on every encoder: a stream's bandwidth must be what the profile says, on the wire too. */
    private static void tune(FFmpegFrameRecorder r, EncodeProfile p, EncoderLadder.Rung rung) {
        String bitrate = Long.toString(p.bitrate());
        // A one-second buffer is the usual CBR compromise; low latency halves it so no frame waits for bits.
        String buffer = Long.toString(p.lowLatency() ? p.bitrate() / 2 : p.bitrate());
        if (p.lowLatency()) {
            r.setMaxBFrames(0);
        }
        switch (rung.encoder()) {
            case "libx264" -> {
                r.setVideoOption("preset", "ultrafast");
                if (p.lowLatency()) {
                    r.setVideoOption("tune", "zerolatency");
                }
                r.setVideoOption("maxrate", bitrate);
                r.setVideoOption("bufsize", buffer);
                // HRD CBR pads with filler so the rate holds even on static bars.
                r.setVideoOption("x264-params", "nal-hrd=cbr:force-cfr=1");
            }
            case "h264_nvenc", "hevc_nvenc", "av1_nvenc" -> {
                r.setVideoOption("preset", "p1");
                r.setVideoOption("tune", p.lowLatency() ? "ull" : "ll");
                r.setVideoOption("rc", "cbr");
                r.setVideoOption("bufsize", buffer);
                if (p.lowLatency()) {
                    r.setVideoOption("zerolatency", "1");
                    r.setVideoOption("delay", "0");
                }
                if (rung.encoder().equals("h264_nvenc")) {
                    r.setVideoOption("profile", "high");
                }
            }
            case "h264_vaapi" -> r.setVideoOption("rc_mode", "CBR");
            case "h264_qsv" -> {
                r.setPixelFormat(AV_PIX_FMT_NV12);
                r.setVideoOption("preset", "veryfast");
                r.setVideoOption("maxrate", bitrate);
                r.setVideoOption("bufsize", buffer);
            }
            case "libopenh264" -> r.setVideoOption("rc_mode", "bitrate");
            default -> throw new IllegalArgumentException("no tuning for " + rung.encoder());
        }
    }

    private static void mux(FFmpegFrameRecorder r, OutputTarget out, EncodeProfile p) {
        switch (out.kind()) {
            case UDP, SRT -> {
                if (p.lowLatency()) {
                    // PES packets with their length let a receiver hand a frame on without waiting for the next one.
                    r.setOption("omit_video_pes_length", "0");
                }
            }
            case HLS -> {
                Path playlist = out.path();
                String stem = playlist.getFileName().toString().replaceFirst("\\.m3u8$", "");
                r.setOption("hls_time", Integer.toString(Math.max(1, Math.round((float) p.gop() / p.fps()))));
                r.setOption("hls_list_size", "6");
                r.setOption("hls_flags", "delete_segments+independent_segments");
                r.setOption("hls_segment_filename", playlist.resolveSibling(stem + "_%05d.ts").toString());
            }
            case FILE, RTP, RTMP -> {
            }
        }
    }

    /** The URL FFmpeg opens: UDP datagrams sized to whole TS packets so none is split across datagrams. */
    static String url(OutputTarget out) {
        if ((out.kind() == OutputTarget.Kind.UDP || out.kind() == OutputTarget.Kind.SRT) && !out.location().contains("pkt_size")) {
            return out.location() + (out.location().contains("?") ? "&" : "?") + "pkt_size=1316";
        }
        return out.location();
    }

    /** Bytes the muxer has written so far; -1 where the muxer writes its own files (HLS) or it cannot be read. */
    static long bytesWritten(FFmpegFrameRecorder r) {
        AVFormatContext oc = formatContext(r);
        if (oc == null || oc.isNull()) {
            return -1;
        }
        AVIOContext pb = oc.pb();
        return pb == null || pb.isNull() ? -1 : avio_tell(pb);
    }

    /** Sum of the HLS segment files written so far next to the playlist. */
    static long hlsBytes(Path playlist) {
        String stem = playlist.getFileName().toString().replaceFirst("\\.m3u8$", "");
        long total = 0;
        Path dir = playlist.toAbsolutePath().getParent();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, stem + "_*.ts")) {
            for (Path seg : ds) {
                total += Files.size(seg);
            }
        } catch (IOException e) {
            // Segments are deleted as the window slides: a vanished one just does not count.
            return total;
        }
        return total;
    }

    /** The session description of an opened RTP recorder, as a receiver needs it. */
    static String sdp(FFmpegFrameRecorder r) {
        AVFormatContext oc = formatContext(r);
        if (oc == null) {
            throw new IllegalStateException("the recorder's format context is not reachable");
        }
        byte[] buf = new byte[16 * 1024];
        int ret = av_sdp_create(oc, 1, buf, buf.length);
        if (ret < 0) {
            throw new IllegalStateException("av_sdp_create failed: " + ret);
        }
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.US_ASCII).replace("\r\n", "\n").replace("\n", "\r\n");
    }

    /**
     * JavaCV keeps the muxer's context private, but the SDP and the byte count live there; reading the field is
     * cheaper than re-implementing the recorder. Fails soft: without it only the byte rate and SDP are missing.
     */
    private static AVFormatContext formatContext(FFmpegFrameRecorder r) {
        if (FORMAT_CONTEXT == null) {
            return null;
        }
        try {
            return (AVFormatContext) FORMAT_CONTEXT.get(r);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private static Field formatContextField() {
        try {
            Field f = FFmpegFrameRecorder.class.getDeclaredField("oc");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.getLogger(Recorders.class.getName()).log(System.Logger.Level.WARNING,
                    "FFmpegFrameRecorder.oc not reachable: no byte counts or SDP", e);
            return null;
        }
    }

    static String describe(OutputTarget out) {
        return out.kind().name().toLowerCase(Locale.ROOT) + " " + out;
    }
}
