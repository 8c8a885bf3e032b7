package io.fleetdeck.media;

import io.fleetdeck.core.gpu.GpuReading;
import io.fleetdeck.core.gpu.LocalGpu;
import io.fleetdeck.core.gpu.LocalGpus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What NVML tells decides whether the NVENC rungs are tried (the H100's answers, measured on one). */
class NvencVetoTest {
    private static LocalGpu gpu(String name, long sessions, long capacity) {
        return new LocalGpu(0, name, "GPU-0", GpuReading.of(40), GpuReading.of(0), GpuReading.of(sessions),
                GpuReading.of(0), GpuReading.of(0), GpuReading.of(capacity));
    }

    @Test
    void aComputeGpuSkipsNvencWithNvmlsReason() {
        LocalGpus h100 = LocalGpus.available("580.159.04", "13.580.159.04", List.of(gpu("NVIDIA H100 80GB HBM3", 0, 100)));
        assertThat(JavaCvEncodeEngine.nvencVeto(h100)).hasValueSatisfying(r ->
                assertThat(r).startsWith("NVML: ").contains("H100").contains("no NVENC"));
    }

    @Test
    void anEncoderGpuOrNoNvmlLetsFfmpegDecide() {
        LocalGpus t4 = LocalGpus.available("610.10", "13.610.10", List.of(gpu("Tesla T4", 3, 80)));
        assertThat(JavaCvEncodeEngine.nvencVeto(t4)).isEmpty();
        assertThat(JavaCvEncodeEngine.nvencVeto(LocalGpus.unavailable("no driver"))).isEmpty();
    }
}
