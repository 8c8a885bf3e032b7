package io.fleetdeck.core.gpu;

import java.util.regex.Pattern;

/**
 * Whether a local GPU's NVENC is worth offering, with the reason shown next to the encoder ladder.
 *
 * <p>NVML cannot say "this GPU has no NVENC" directly. Measured on an H100 80GB HBM3 with driver 580.159.04:
 * {@code nvmlDeviceGetEncoderUtilization}, {@code nvmlDeviceGetEncoderStats} and
 * {@code nvmlDeviceGetEncoderCapacity(H264/HEVC)} all answer NVML_SUCCESS (0 %, 0 sessions, capacity 100),
 * only AV1 capacity answers NOT_SUPPORTED, although the H100 has no NVENC engine at all. So an answer of
 * NOT_SUPPORTED or zero capacity proves absence, but a positive capacity proves nothing for the compute-only
 * products, which are therefore recognised by name (NVIDIA's video encode/decode support matrix lists them
 * with 0 NVENC). The media engine still has the last word: it tries to open a session.
 */
public record NvencVerdict(State state, String reason) {

    public enum State {
        /** The driver reports free encoder capacity and nothing says otherwise. */
        AVAILABLE,
        /** NVENC is there but reports no free capacity while sessions run. */
        SATURATED,
        /** This GPU has no usable NVENC. */
        ABSENT,
        /** The driver's answers do not allow a conclusion (queries failed). */
        UNKNOWN
    }

    /** Compute-only GA100/GH100-based products: no NVENC engine (they do have NVDEC). */
    private static final Pattern NO_NVENC_PRODUCTS = Pattern.compile("\\b(A100|A30|A800|H100|H800|H200|H20|GH200)\\b");

    public boolean usable() {
        return state == State.AVAILABLE;
    }

    static NvencVerdict of(LocalGpu gpu) {
        GpuReading capacity = gpu.encoderCapacityH264Pct();
        if (capacity instanceof GpuReading.NotSupported) {
            return new NvencVerdict(State.ABSENT, gpu.name() + ": the driver answers NOT_SUPPORTED to the H.264 "
                    + "encoder capacity query, so this GPU (or driver) has no NVENC");
        }
        if (NO_NVENC_PRODUCTS.matcher(gpu.name()).find()) {
            return new NvencVerdict(State.ABSENT, gpu.name() + " has no NVENC engine (a compute GPU: NVDEC only);"
                    + " NVML's encoder capacity (" + capacity.describe("%") + ") does not prove otherwise");
        }
        if (capacity instanceof GpuReading.Failed(String error)) {
            return new NvencVerdict(State.UNKNOWN, gpu.name() + ": encoder capacity could not be read (" + error + ")");
        }
        long pct = capacity.asLong().orElseThrow();
        long sessions = gpu.encoderSessions().asLong().orElse(0);
        if (pct > 0) {
            return new NvencVerdict(State.AVAILABLE, gpu.name() + ": NVENC reports " + pct + " % H.264 capacity free, "
                    + sessions + " session(s) running");
        }
        if (sessions > 0) {
            return new NvencVerdict(State.SATURATED, gpu.name() + ": NVENC is full (0 % H.264 capacity free, "
                    + sessions + " session(s) running)");
        }
        return new NvencVerdict(State.ABSENT, gpu.name() + ": the driver reports 0 % H.264 encoder capacity with no "
                + "session running, so there is no usable NVENC");
    }
}
