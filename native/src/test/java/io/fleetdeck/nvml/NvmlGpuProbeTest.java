package io.fleetdeck.nvml;

import io.fleetdeck.core.gpu.GpuReading;
import io.fleetdeck.core.gpu.LocalGpu;
import io.fleetdeck.core.gpu.LocalGpus;
import io.fleetdeck.core.gpu.NvencVerdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The real FFM binding against the NVML stub (a test fixture), one stub scenario per case. */
class NvmlGpuProbeTest {

    @AfterEach
    void resetScenario() {
        StubNvml.scenario("t4x2");
    }

    private static LocalGpus probeOnce(String scenario) {
        StubNvml.scenario(scenario);
        try (NvmlGpuProbe probe = new NvmlGpuProbe()) {
            return probe.probe();
        }
    }

    @Test
    void readsVersionsAndEveryFieldOfTwoT4s() {
        LocalGpus seen = probeOnce("t4x2");

        assertThat(seen.available()).isTrue();
        assertThat(seen.driverVersion()).isEqualTo("535.183.01-stub");
        assertThat(seen.nvmlVersion()).isEqualTo("12.535.183.01-stub");
        assertThat(seen.gpus()).hasSize(2);
        LocalGpu busy = seen.gpus().get(0);
        assertThat(busy.index()).isZero();
        assertThat(busy.name()).isEqualTo("Tesla T4");
        assertThat(busy.uuid()).isEqualTo("GPU-5ab3c0de-0000-4000-8000-00000000t401");
        assertThat(busy.temperatureC()).isEqualTo(GpuReading.of(61));
        assertThat(busy.encoderUtilisationPct()).isEqualTo(GpuReading.of(37));
        assertThat(busy.encoderSessions()).isEqualTo(GpuReading.of(3));
        assertThat(busy.encoderAverageFps()).isEqualTo(GpuReading.of(30));
        assertThat(busy.encoderAverageLatencyUs()).isEqualTo(GpuReading.of(2100));
        assertThat(busy.encoderCapacityH264Pct()).isEqualTo(GpuReading.of(63));
        assertThat(busy.nvenc().state()).isEqualTo(NvencVerdict.State.AVAILABLE);

        LocalGpu idle = seen.gpus().get(1);
        assertThat(idle.index()).isEqualTo(1);
        assertThat(idle.uuid()).endsWith("t402");
        assertThat(idle.temperatureC()).isEqualTo(GpuReading.of(38));
        assertThat(idle.encoderSessions()).isEqualTo(GpuReading.of(0));
        assertThat(idle.encoderCapacityH264Pct()).isEqualTo(GpuReading.of(100));
        assertThat(seen.anyNvencUsable()).isTrue();
    }

    @Test
    void encoderQueriesAnsweringNotSupportedBecomeNotSupportedAndExplainWhyNvencIsRejected() {
        LocalGpus seen = probeOnce("no-nvenc");

        LocalGpu gpu = seen.gpus().getFirst();
        assertThat(gpu.temperatureC()).isEqualTo(GpuReading.of(41));
        assertThat(gpu.encoderUtilisationPct().isNotSupported()).isTrue();
        assertThat(gpu.encoderSessions().isNotSupported()).isTrue();
        assertThat(gpu.encoderAverageFps().isNotSupported()).isTrue();
        assertThat(gpu.encoderAverageLatencyUs().isNotSupported()).isTrue();
        assertThat(gpu.encoderCapacityH264Pct().isNotSupported()).isTrue();
        assertThat(gpu.encoderCapacityH264Pct().describe("%")).isEqualTo("not supported");
        assertThat(gpu.nvenc().state()).isEqualTo(NvencVerdict.State.ABSENT);
        assertThat(gpu.nvenc().reason()).contains("NOT_SUPPORTED").contains("no NVENC");
        assertThat(seen.anyNvencUsable()).isFalse();
    }

    @Test
    void anH100AnsweringLikeTheRealOneIsStillRecognisedAsHavingNoNvenc() {
        // The real H100 (driver 580.159.04) answers SUCCESS with capacity 100 although it has no NVENC.
        LocalGpu gpu = probeOnce("h100-580").gpus().getFirst();

        assertThat(gpu.name()).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(gpu.encoderCapacityH264Pct()).isEqualTo(GpuReading.of(100));
        assertThat(gpu.encoderSessions()).isEqualTo(GpuReading.of(0));
        assertThat(gpu.nvenc().state()).isEqualTo(NvencVerdict.State.ABSENT);
        assertThat(gpu.nvenc().reason()).contains("H100").contains("no NVENC");
    }

    @Test
    void aFailedQueryIsAFailureNamedByItsNvmlCodeNotNotSupported() {
        LocalGpu gpu = probeOnce("t4-no-permission").gpus().getFirst();

        assertThat(gpu.temperatureC()).isEqualTo(
                GpuReading.failed("NVML_ERROR_NO_PERMISSION (Insufficient Permissions)"));
        assertThat(gpu.temperatureC().describe("°C")).startsWith("failed: NVML_ERROR_NO_PERMISSION");
        assertThat(gpu.encoderSessions()).isEqualTo(GpuReading.of(1));
    }

    @Test
    void initFailureGivesNvmlsReasonAndTheSameProbeRecoversWhenTheDriverComesBack() {
        StubNvml.scenario("driver-not-loaded");
        try (NvmlGpuProbe probe = new NvmlGpuProbe()) {
            LocalGpus seen = probe.probe();
            assertThat(seen.available()).isFalse();
            assertThat(seen.unavailableReason())
                    .isEqualTo("nvmlInit failed: NVML_ERROR_DRIVER_NOT_LOADED (Driver Not Loaded)");
            assertThat(seen.gpus()).isEmpty();

            StubNvml.scenario("t4x2");
            assertThat(probe.probe().gpus()).hasSize(2);
        }
    }

    @Test
    void aDriverWithoutGpusIsAvailableAndEmpty() {
        LocalGpus seen = probeOnce("no-gpus");

        assertThat(seen.available()).isTrue();
        assertThat(seen.gpus()).isEmpty();
        assertThat(seen.anyNvencUsable()).isFalse();
    }

    @Test
    void aMissingLibraryAtAnExplicitPathIsAReasonNotAnException() {
        Path nowhere = Path.of("/nonexistent/fleetdeck/libnvidia-ml.so.1");
        try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(nowhere))) {
            LocalGpus seen = probe.probe();
            assertThat(seen.available()).isFalse();
            assertThat(seen.unavailableReason())
                    .isEqualTo("libnvidia-ml.so.1 not found at " + nowhere + " (set by fleetdeck.nvml.library)");
        }
    }

    @Test
    void noSystemLibrarySaysThereIsNoNvidiaDriver() {
        try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.empty())) {
            LocalGpus seen = probe.probe();
            assumeFalse(seen.available(), "this machine has a real NVIDIA driver");
            assertThat(seen.unavailableReason()).isEqualTo("libnvidia-ml.so.1 not found: no NVIDIA driver on this machine");
        }
    }

    @Test
    void aLibraryThatIsNotNvmlIsNamedAsSuch() {
        Path notNvml = Path.of(System.getProperty("java.home"), "lib", "libjava.so");
        try (NvmlGpuProbe probe = new NvmlGpuProbe(Optional.of(notNvml))) {
            assertThat(probe.probe().unavailableReason()).contains("has no nvmlInit_v2");
        }
    }

    @Test
    void aClosedProbeAnswersUnavailableAndClosingTwiceIsHarmless() {
        NvmlGpuProbe probe = new NvmlGpuProbe();
        assertThat(probe.probe().available()).isTrue();
        probe.close();
        probe.close();
        assertThat(probe.probe().unavailableReason()).contains("closed");
    }
}
