package io.fleetdeck.core.media;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a session's stream goes. Parsed from the same strings the CLI and pod annotations use:
 * {@code file:/tmp/x.ts} (or a bare path), {@code udp://host:port}, {@code rtp://host:port[?sdp=FILE]},
 * {@code srt://host:port}, {@code rtmp://host/app/key}, {@code hls:/dir/index.m3u8} (or a path ending in .m3u8).
 *
 * @param location path for files and HLS playlists, URL for network outputs (without FleetDeck's own parameters)
 * @param sdpFile  RTP only: where the session description is written, since a receiver cannot decode RTP without it
 */
public record OutputTarget(Kind kind, String location, Path sdpFile) {
    public enum Kind {
        FILE, UDP, RTP, SRT, RTMP, HLS;

        /** The FFmpeg muxer for this kind; files pick theirs from the extension. */
        public String muxer() {
            return switch (this) {
                case UDP, SRT -> "mpegts";
                case RTP -> "rtp";
                case RTMP -> "flv";
                case HLS -> "hls";
                case FILE -> throw new IllegalStateException("a file's muxer follows its extension");
            };
        }
    }

    public OutputTarget {
        if (kind == null || location == null || location.isBlank()) {
            throw new IllegalArgumentException("an output needs a kind and a location");
        }
        if (kind == Kind.RTP && sdpFile == null) {
            throw new IllegalArgumentException("an RTP output needs a file for its SDP");
        }
        if (kind == Kind.FILE) {
            fileMuxer(location);
        }
    }

    public static OutputTarget parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no output given");
        }
        String s = spec.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("hls:")) {
            return new OutputTarget(Kind.HLS, s.substring(4), null);
        }
        if (lower.startsWith("file:")) {
            String path = s.substring(5);
            return path.endsWith(".m3u8") ? new OutputTarget(Kind.HLS, path, null) : new OutputTarget(Kind.FILE, path, null);
        }
        if (lower.startsWith("udp://")) {
            requireHostAndPort(s);
            return new OutputTarget(Kind.UDP, s, null);
        }
        if (lower.startsWith("rtp://")) {
            return parseRtp(s);
        }
        if (lower.startsWith("srt://")) {
            requireHostAndPort(s);
            return new OutputTarget(Kind.SRT, s, null);
        }
        if (lower.startsWith("rtmp://")) {
            return new OutputTarget(Kind.RTMP, s, null);
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
            throw new IllegalArgumentException("unsupported output '" + s + "': use file:, udp://, rtp://, srt://, rtmp:// or hls:");
        }
        return s.endsWith(".m3u8") ? new OutputTarget(Kind.HLS, s, null) : new OutputTarget(Kind.FILE, s, null);
    }

    /** The FFmpeg muxer that writes this output. */
    public String muxer() {
        return kind == Kind.FILE ? fileMuxer(location) : kind.muxer();
    }

    /** Whether the output is a single RTP stream, which carries video only. */
    public boolean singleStream() {
        return kind == Kind.RTP;
    }

    public Path path() {
        if (kind != Kind.FILE && kind != Kind.HLS) {
            throw new IllegalStateException(kind + " output has no path");
        }
        return Path.of(location);
    }

    private static OutputTarget parseRtp(String s) {
        URI uri = requireHostAndPort(s);
        Path sdp = null;
        StringBuilder rest = new StringBuilder();
        if (uri.getRawQuery() != null) {
            for (String param : uri.getRawQuery().split("&")) {
                if (param.startsWith("sdp=")) {
                    sdp = Path.of(param.substring(4));
                } else {
                    rest.append(rest.isEmpty() ? "?" : "&").append(param);
                }
            }
        }
        if (sdp == null) {
            // Default next to the other temporary artefacts, named after the destination so two streams do not collide.
            sdp = Path.of(System.getProperty("java.io.tmpdir"), "fleetdeck-rtp-" + uri.getHost() + "-" + uri.getPort() + ".sdp");
        }
        return new OutputTarget(Kind.RTP, "rtp://" + uri.getHost() + ":" + uri.getPort() + rest, sdp);
    }

    private static URI requireHostAndPort(String s) {
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("output '" + s + "' is not a valid URL: " + e.getMessage());
        }
        if (uri.getHost() == null || uri.getPort() <= 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("output '" + s + "' needs a host and a port, e.g. udp://127.0.0.1:5004");
        }
        return uri;
    }

    private static String fileMuxer(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ts")) {
            return "mpegts";
        }
        if (lower.endsWith(".mp4") || lower.endsWith(".mov")) {
            return "mp4";
        }
        if (lower.endsWith(".mkv")) {
            return "matroska";
        }
        if (lower.endsWith(".flv")) {
            return "flv";
        }
        throw new IllegalArgumentException("cannot tell the container of '" + path + "': use .ts, .mp4, .mkv or .flv");
    }

    @Override
    public String toString() {
        return kind == Kind.RTP ? location + " (SDP " + sdpFile + ")" : location;
    }
}
