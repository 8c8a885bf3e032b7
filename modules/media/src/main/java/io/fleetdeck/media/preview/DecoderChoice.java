package io.fleetdeck.media.preview;

import io.fleetdeck.core.media.PreviewRequest;

import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Where one preview decodes: on the GPU's NVDEC through FFmpeg's {@code *_cuvid} decoders (which also scale to the
 * tile on the GPU), or in software. NVDEC is tried for full decodes of a stream whose codec is known, when this
 * machine has an NVIDIA GPU; a wall's key-frame decode stays in software (cuvid would decode every frame). Once
 * NVDEC fails for a preview, it decodes in software and says why.
 */
final class DecoderChoice {
    private static final Set<String> CUVID_CODECS = Set.of("h264", "hevc", "av1", "vp9", "vp8", "mpeg2video",
            "mpeg4", "mjpeg", "vc1");

    private final BooleanSupplier nvdecPresent;
    private String nvdecFailure;

    DecoderChoice(BooleanSupplier nvdecPresent) {
        this.nvdecPresent = nvdecPresent;
    }

    /** The cuvid decoder to open for this request, or null for software. */
    String hardwareFor(PreviewRequest request) {
        if (nvdecFailure != null || request.keyframesOnly() || !CUVID_CODECS.contains(request.codecHint())) {
            return null;
        }
        return nvdecPresent.getAsBoolean() ? request.codecHint() + "_cuvid" : null;
    }

    /** NVDEC did not work for this stream: decode in software from now on. */
    void hardwareFailed(String reason) {
        nvdecFailure = reason;
    }

    /** What the operator reads: "h264_cuvid (NVDEC)", "hevc (software)", "h264 (software; NVDEC: why)". */
    String label(String codec, String hardware) {
        if (hardware != null) {
            return hardware + " (NVDEC)";
        }
        String c = codec == null || codec.isEmpty() ? "?" : codec;
        return c + (nvdecFailure == null ? " (software)" : " (software; NVDEC: " + nvdecFailure + ")");
    }

    /** Whether an open or decode failure is the GPU decoder's, not the stream's (which software would meet too). */
    static boolean decoderFault(String message, boolean opened) {
        return opened || message != null && message.contains("avcodec");
    }
}
