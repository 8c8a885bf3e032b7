package io.fleetdeck.core.capacity;

import io.fleetdeck.core.model.NodeSummary;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Configured sessions per GPU for one encoding profile. No node label tells NVENC capacity (FIELD.md), so
 * the figures come from measurement. Products are matched loosely because the GFD label varies: a
 * {@code -SHARED} suffix when time-sliced, and {@code Tesla-}/{@code NVIDIA-} prefixes across driver
 * generations. The rest of the name must match exactly, so {@code T4G} never borrows {@code T4}'s figure.
 */
public final class DensityTargets {
    public static final String DEFAULT_PROFILE = "1080p25";
    /** Measured 1080p25 H.264 NVENC densities (FIELD.md): T4 28, T4G 28, A10G 31. */
    public static final Map<String, Integer> DEFAULT_SESSIONS_PER_GPU =
            Map.of("Tesla-T4", 28, "NVIDIA-T4G", 28, "NVIDIA-A10G", 31);

    private final String profile;
    private final Map<String, Integer> byProduct = new HashMap<>();

    public DensityTargets(String profile, Map<String, Integer> sessionsPerGpuByProduct) {
        this.profile = profile;
        sessionsPerGpuByProduct.forEach((product, sessions) -> {
            if (sessions == null || sessions < 1) {
                throw new IllegalArgumentException("sessions per GPU for " + product + " must be at least 1");
            }
            byProduct.put(normalise(product), sessions);
        });
    }

    public static DensityTargets defaults() {
        return new DensityTargets(DEFAULT_PROFILE, DEFAULT_SESSIONS_PER_GPU);
    }

    public String profile() {
        return profile;
    }

    public OptionalInt sessionsPerGpu(String product) {
        if (product == null || product.isBlank()) {
            return OptionalInt.empty();
        }
        Integer n = byProduct.get(normalise(product));
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    /** {@code Tesla-T4-SHARED}, {@code NVIDIA-T4}, {@code t4} → {@code T4}: equal results name the same GPU. */
    public static String normalise(String product) {
        String p = product.trim().toUpperCase(Locale.ROOT).replace(' ', '-');
        if (p.endsWith("-SHARED")) {
            p = p.substring(0, p.length() - "-SHARED".length());
        }
        for (String prefix : new String[]{"TESLA-", "NVIDIA-"}) {
            if (p.startsWith(prefix)) {
                p = p.substring(prefix.length());
            }
        }
        return p;
    }

    /**
     * Slices each GPU is split into: the GFD replicas label, or, when a node lacks it, allocatable
     * slices over GPUs.
     */
    public static int replicasPerGpu(NodeSummary s) {
        if (s.gpuReplicas() > 1 || s.gpuCount() <= 0) {
            return Math.max(1, s.gpuReplicas());
        }
        return (int) Math.max(1, s.slicesTotal() / s.gpuCount());
    }

    public DensityVerdict judge(NodeSummary s) {
        return judge(s.hasGpu(), s.gpuProduct(), replicasPerGpu(s));
    }

    public DensityVerdict judge(boolean gpu, String product, int replicasPerGpu) {
        return DensityVerdict.of(gpu, replicasPerGpu, sessionsPerGpu(product).orElse(0));
    }

    /** The verdict's one-line explanation for this node. */
    public String explain(NodeSummary s) {
        int replicas = replicasPerGpu(s);
        return judge(s).explain(s.gpuProduct(), replicas, sessionsPerGpu(s.gpuProduct()).orElse(0), profile);
    }
}
