package io.fleetdeck.nvml;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
    void concurrentProbesFromVirtualThreadsShareOneNvmlSession() throws Exception {
        StubNvml.scenario("t4x2");
        try (StubNvml stub = new StubNvml(); NvmlGpuProbe probe = new NvmlGpuProbe()) {
            List<Future<Boolean>> results = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < 8; t++) {
                    results.add(threads.submit(() -> {
                        boolean allSeen = true;
                        for (int i = 0; i < 100; i++) {
                            allSeen &= probe.probe().gpus().size() == 2;
                        }
                        return allSeen;
                    }));
                }
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
            assertThat(stub.initDepth()).isEqualTo(1);
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
