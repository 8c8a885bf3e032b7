package io.fleetdeck.app;

import io.fleetdeck.core.gpu.LocalGpu;
import io.fleetdeck.core.gpu.LocalGpuProbe;
import io.fleetdeck.core.gpu.LocalGpus;
import io.fleetdeck.core.gpu.NvencVerdict;
import io.fleetdeck.nvml.NvmlGpuProbe;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code fleetdeck gpu}: what this workstation's NVIDIA driver reports, through the same NVML probe the encode
 * lab uses, so "why is NVENC not offered?" can be answered from a terminal.
 */
@Command(name = "gpu", mixinStandardHelpOptions = true,
        description = "Print the local NVIDIA GPUs as NVML sees them: temperature, NVENC load, sessions, capacity.")
final class GpuCommand implements Callable<Integer> {
    Supplier<LocalGpuProbe> probes = NvmlGpuProbe::new;
    PrintStream out = System.out;

    @Override
    public Integer call() {
        LocalGpus seen;
        try (LocalGpuProbe probe = probes.get()) {
            seen = probe.probe();
        }
        if (!seen.available()) {
            out.println("No local GPU information: " + seen.unavailableReason());
            return 1;
        }
        out.println("NVIDIA driver " + seen.driverVersion() + ", NVML " + seen.nvmlVersion() + ", "
                + seen.gpus().size() + " GPU(s)");
        for (LocalGpu gpu : seen.gpus()) {
            out.println();
            out.println("GPU " + gpu.index() + ": " + gpu.name() + (gpu.uuid().isEmpty() ? "" : "  " + gpu.uuid()));
            out.println("  temperature          " + gpu.temperatureC().describe("°C"));
            out.println("  encoder utilisation  " + gpu.encoderUtilisationPct().describe("%"));
            out.println("  encoder sessions     " + gpu.encoderSessions().describe(""));
            out.println("  encoder average fps  " + gpu.encoderAverageFps().describe("fps"));
            out.println("  encoder latency      " + gpu.encoderAverageLatencyUs().describe("µs"));
            out.println("  H.264 capacity       " + gpu.encoderCapacityH264Pct().describe("%"));
            NvencVerdict nvenc = gpu.nvenc();
            out.println("  NVENC                " + nvenc.state().name().toLowerCase() + ": " + nvenc.reason());
        }
        return 0;
    }
}
