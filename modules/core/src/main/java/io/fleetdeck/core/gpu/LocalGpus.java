package io.fleetdeck.core.gpu;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link LocalGpuProbe} saw: either the driver's versions and its GPUs (possibly none), or a human reason
 * why the driver could not be asked at all (no library, driver not loaded, ...).
 *
 * @param unavailableReason {@code null} when the driver answered
 */
public record LocalGpus(String driverVersion, String nvmlVersion, List<LocalGpu> gpus, String unavailableReason) {

    public LocalGpus {
        gpus = List.copyOf(gpus);
        if (unavailableReason != null && !gpus.isEmpty()) {
            throw new IllegalArgumentException("an unavailable answer cannot list GPUs");
        }
    }

    public static LocalGpus available(String driverVersion, String nvmlVersion, List<LocalGpu> gpus) {
        return new LocalGpus(Objects.requireNonNull(driverVersion), Objects.requireNonNull(nvmlVersion), gpus, null);
    }

    public static LocalGpus unavailable(String reason) {
        return new LocalGpus("", "", List.of(), Objects.requireNonNull(reason));
    }

    public boolean available() {
        return unavailableReason == null;
    }

    /** Whether any local GPU offers usable NVENC: what the encode lab's NVENC rung asks first. */
    public boolean anyNvencUsable() {
        return gpus.stream().anyMatch(g -> g.nvenc().usable());
    }
}
