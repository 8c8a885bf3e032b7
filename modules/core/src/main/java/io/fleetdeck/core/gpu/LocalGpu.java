package io.fleetdeck.core.gpu;

import java.util.Objects;

/**
 * One local GPU as the driver describes it. Numbers are {@link GpuReading}s because every query can be
 * unsupported on some product (or fail) independently of the others.
 *
 * @param index                   the driver's device index
 * @param name                    product name, e.g. "Tesla T4", "NVIDIA H100 80GB HBM3"
 * @param uuid                    the driver's GPU UUID ("GPU-…"); empty when it could not be read
 * @param temperatureC            core temperature in °C
 * @param encoderUtilisationPct   NVENC utilisation over the driver's last sampling period, 0–100
 * @param encoderSessions         active NVENC sessions
 * @param encoderAverageFps       average fps over all sessions
 * @param encoderAverageLatencyUs average encode latency in µs
 * @param encoderCapacityH264Pct  remaining H.264 encoder capacity, 0–100 (NVML: "percentage of maximum")
 */
public record LocalGpu(int index, String name, String uuid, GpuReading temperatureC, GpuReading encoderUtilisationPct,
                       GpuReading encoderSessions, GpuReading encoderAverageFps, GpuReading encoderAverageLatencyUs,
                       GpuReading encoderCapacityH264Pct) {

    public LocalGpu {
        Objects.requireNonNull(name);
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(temperatureC);
        Objects.requireNonNull(encoderUtilisationPct);
        Objects.requireNonNull(encoderSessions);
        Objects.requireNonNull(encoderAverageFps);
        Objects.requireNonNull(encoderAverageLatencyUs);
        Objects.requireNonNull(encoderCapacityH264Pct);
    }

    /** Whether NVENC on this GPU should be offered, and the sentence the encode lab shows either way. */
    public NvencVerdict nvenc() {
        return NvencVerdict.of(this);
    }
}
