package io.fleetdeck.core.capacity;

import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The dimension capacity is summed by. A pending pod is put in the group its {@code nodeSelector} names,
 * so that its demand lands next to the nodes that could take it.
 */
public enum Grouping {
    PRODUCT("product", FleetLabels.GPU_PRODUCT),
    INSTANCE_TYPE("instance-type", FleetLabels.INSTANCE_TYPE),
    NODEPOOL("nodepool", FleetLabels.NODEPOOL),
    ARCH("arch", FleetLabels.ARCH);

    /** Group of a node that lacks the dimension (no accelerator, no label). */
    public static final String NONE = "none";
    /** Group of a pending pod whose selector leaves the dimension open. */
    public static final String UNCONSTRAINED = "unconstrained";
    private static final String SHARED_SUFFIX = "-SHARED";

    private final String word;
    private final String selectorKey;

    Grouping(String word, String selectorKey) {
        this.word = word;
        this.selectorKey = selectorKey;
    }

    /** The CLI word: {@code product|instance-type|nodepool|arch}. */
    public String word() {
        return word;
    }

    /** The node label (and nodeSelector key) this dimension reads. */
    public String selectorKey() {
        return selectorKey;
    }

    public static Grouping parse(String word) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Grouping g : values()) {
            if (g.word.equals(w)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grouping '" + word + "'; expected one of "
                + Arrays.stream(values()).map(Grouping::word).collect(Collectors.joining("|")));
    }

    public String keyOf(NodeSummary s) {
        String key = switch (this) {
            case PRODUCT -> productOf(s);
            case INSTANCE_TYPE -> s.node().instanceType();
            case NODEPOOL -> s.node().nodePool();
            case ARCH -> s.node().arch();
        };
        return key == null || key.isEmpty() ? NONE : key;
    }

    /** GPU product wins on a node with both kinds, as GPUs carry most sessions. */
    private static String productOf(NodeSummary s) {
        if (s.hasGpu() || !s.gpuProduct().isEmpty()) {
            return s.gpuProduct().isEmpty() ? "GPU" : stripShared(s.gpuProduct());
        }
        if (s.fpgaResource() != null) {
            return "FPGA " + s.fpgaResource();
        }
        return NONE;
    }

    /**
     * The group a pending pod waits for. For {@link #PRODUCT} a pod without a product selector that asks for
     * an FPGA resource can only land on that FPGA's nodes, so it is put there rather than left unconstrained.
     */
    public String keyOf(PodInfo pendingPod) {
        Map<String, String> selector = pendingPod.nodeSelector();
        String value = selector.get(selectorKey);
        if (this == INSTANCE_TYPE && value == null) {
            value = selector.get(FleetLabels.INSTANCE_TYPE_BETA);
        }
        if (value != null && !value.isEmpty()) {
            return this == PRODUCT ? stripShared(value) : value;
        }
        if (this == PRODUCT) {
            for (String resource : pendingPod.acceleratorRequests().keySet()) {
                if (!resource.equals(FleetLabels.GPU_RESOURCE) && !resource.equals(FleetLabels.GPU_SHARED_RESOURCE)) {
                    return "FPGA " + resource;
                }
            }
        }
        return UNCONSTRAINED;
    }

    private static String stripShared(String product) {
        return product.endsWith(SHARED_SUFFIX) ? product.substring(0, product.length() - SHARED_SUFFIX.length())
                : product;
    }
}
