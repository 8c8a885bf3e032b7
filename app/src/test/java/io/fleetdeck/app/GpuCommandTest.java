package io.fleetdeck.app;

import io.fleetdeck.core.gpu.GpuReading;
import io.fleetdeck.core.gpu.LocalGpu;
import io.fleetdeck.core.gpu.LocalGpuProbe;
import io.fleetdeck.core.gpu.LocalGpus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GpuCommandTest {

    private static String run(GpuCommand command, LocalGpus answer, int expectedExit) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        command.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        command.probes = () -> () -> answer;
        assertThat(command.call()).isEqualTo(expectedExit);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheReasonWhenThereIsNoDriver() {
        String text = run(new GpuCommand(), LocalGpus.unavailable("libnvidia-ml.so.1 not found: no NVIDIA driver on this machine"), 1);
        assertThat(text).contains("No local GPU information: libnvidia-ml.so.1 not found");
    }

    @Test
    void printsEachGpuWithNotSupportedFieldsAndTheNvencVerdict() {
        GpuReading ns = GpuReading.notSupported();
        LocalGpu h100 = new LocalGpu(0, "NVIDIA H100 80GB HBM3", "GPU-1", GpuReading.of(36), ns, ns, ns, ns, ns);
        String text = run(new GpuCommand(), LocalGpus.available("580.159.04", "13.580.159.04", List.of(h100)), 0);
        assertThat(text).contains("NVIDIA driver 580.159.04, NVML 13.580.159.04, 1 GPU(s)")
                .contains("GPU 0: NVIDIA H100 80GB HBM3  GPU-1")
                .contains("temperature          36 °C")
                .contains("H.264 capacity       not supported")
                .contains("NVENC                absent:");
    }
}
