package io.fleetdeck.core.gpu;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NvencVerdictTest {

    private static LocalGpu gpu(String name, GpuReading sessions, GpuReading capacity) {
        GpuReading zero = GpuReading.of(0);
        return new LocalGpu(0, name, "GPU-x", GpuReading.of(40), zero, sessions, zero, zero, capacity);
    }

    @Test
    void freeCapacityOnAnEncodingGpuIsAvailable() {
        NvencVerdict v = gpu("Tesla T4", GpuReading.of(2), GpuReading.of(70)).nvenc();
        assertThat(v.state()).isEqualTo(NvencVerdict.State.AVAILABLE);
        assertThat(v.usable()).isTrue();
        assertThat(v.reason()).isEqualTo("Tesla T4: NVENC reports 70 % H.264 capacity free, 2 session(s) running");
    }

    @Test
    void notSupportedCapacityMeansNoNvenc() {
        NvencVerdict v = gpu("Some GPU", GpuReading.notSupported(), GpuReading.notSupported()).nvenc();
        assertThat(v.state()).isEqualTo(NvencVerdict.State.ABSENT);
        assertThat(v.reason()).contains("NOT_SUPPORTED");
    }

    @Test
    void computeOnlyProductsAreAbsentEvenWhenNvmlClaimsFullCapacity() {
        for (String name : new String[]{"NVIDIA H100 80GB HBM3", "NVIDIA A100-SXM4-40GB", "NVIDIA H200", "NVIDIA A30",
                "NVIDIA GH200 480GB", "NVIDIA H100 PCIe"}) {
            NvencVerdict v = gpu(name, GpuReading.of(0), GpuReading.of(100)).nvenc();
            assertThat(v.state()).as(name).isEqualTo(NvencVerdict.State.ABSENT);
            assertThat(v.reason()).as(name).contains("no NVENC").contains("100 %");
        }
    }

    @Test
    void similarlyNamedProductsWithNvencAreNotMistakenForComputeOnlyOnes() {
        for (String name : new String[]{"NVIDIA RTX A3000 Laptop GPU", "NVIDIA L40S", "NVIDIA A10G", "Tesla T4"}) {
            assertThat(gpu(name, GpuReading.of(0), GpuReading.of(100)).nvenc().state()).as(name)
                    .isEqualTo(NvencVerdict.State.AVAILABLE);
        }
    }

    @Test
    void zeroCapacityIsSaturatedWithSessionsAndAbsentWithout() {
        assertThat(gpu("Tesla T4", GpuReading.of(5), GpuReading.of(0)).nvenc().state())
                .isEqualTo(NvencVerdict.State.SATURATED);
        assertThat(gpu("Tesla T4", GpuReading.of(0), GpuReading.of(0)).nvenc().state())
                .isEqualTo(NvencVerdict.State.ABSENT);
    }

    @Test
    void aFailedCapacityQueryIsUnknown() {
        NvencVerdict v = gpu("Tesla T4", GpuReading.of(0), GpuReading.failed("NVML_ERROR_GPU_IS_LOST")).nvenc();
        assertThat(v.state()).isEqualTo(NvencVerdict.State.UNKNOWN);
        assertThat(v.reason()).contains("NVML_ERROR_GPU_IS_LOST");
    }

    @Test
    void readingsDescribeThemselves() {
        assertThat(GpuReading.of(61).describe("°C")).isEqualTo("61 °C");
        assertThat(GpuReading.of(3).describe("")).isEqualTo("3");
        assertThat(GpuReading.notSupported().describe("%")).isEqualTo("not supported");
        assertThat(GpuReading.failed("NVML_ERROR_NO_PERMISSION").describe("%")).isEqualTo("failed: NVML_ERROR_NO_PERMISSION");
        assertThat(GpuReading.of(7).asLong()).hasValue(7);
        assertThat(GpuReading.notSupported().asLong()).isEmpty();
    }

    @Test
    void anUnavailableAnswerCarriesOnlyItsReason() {
        LocalGpus none = LocalGpuProbe.unavailable("libnvidia-ml.so.1 not found").probe();
        assertThat(none.available()).isFalse();
        assertThat(none.unavailableReason()).isEqualTo("libnvidia-ml.so.1 not found");
        assertThat(none.gpus()).isEmpty();
    }
}
