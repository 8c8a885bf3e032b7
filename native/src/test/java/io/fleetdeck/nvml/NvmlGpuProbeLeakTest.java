package io.fleetdeck.nvml;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated probes must not leak NVML sessions (every nvmlInit balanced by nvmlShutdown, counted by the stub)
 * nor library handles (every dlopen balanced: the stub disappears from the process's mappings).
 */
class NvmlGpuProbeLeakTest {

    @Test
    void aThousandProbesOnOneProbeInitialiseNvmlOnceAndShutItDownOnClose() {
        StubNvml.scenario("t4x2");
        try (StubNvml stub = new StubNvml()) {
            try (NvmlGpuProbe probe = new NvmlGpuProbe()) {
                for (int i = 0; i < 1_000; i++) {
                    assertThat(probe.probe().gpus()).hasSize(2);
                }
                assertThat(stub.initDepth()).isEqualTo(1);
            }
            assertThat(stub.initDepth()).isZero();
        }
    }

    @Test
    void aThousandOpenProbeCloseCyclesBalanceInitAndUnloadTheLibrary() {
        StubNvml.scenario("t4x2");
        try (StubNvml stub = new StubNvml()) {
            assertThat(StubNvml.mappings()).as("the stub is mapped while held").isPositive();
            for (int i = 0; i < 1_000; i++) {
                try (NvmlGpuProbe probe = new NvmlGpuProbe()) {
                    assertThat(probe.probe().available()).isTrue();
                }
            }
            assertThat(stub.initDepth()).isZero();
            // A failed init must not count as a session either.
            StubNvml.scenario("driver-not-loaded");
            for (int i = 0; i < 100; i++) {
                try (NvmlGpuProbe probe = new NvmlGpuProbe()) {
                    assertThat(probe.probe().available()).isFalse();
                }
            }
            assertThat(stub.initDepth()).isZero();
        } finally {
            StubNvml.scenario("t4x2");
        }
        // Only unmapped if each of the 1,100 probes (and the stub handle) closed its dlopen.
        assertThat(StubNvml.mappings()).isZero();
    }
}
