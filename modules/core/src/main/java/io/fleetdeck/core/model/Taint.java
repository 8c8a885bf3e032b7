package io.fleetdeck.core.model;

/** A node taint as Kubernetes spells it. */
public record Taint(String key, String value, String effect) {
    public static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
    public static final String KARPENTER_DISRUPTED = "karpenter.sh/disrupted";

    @Override
    public String toString() {
        return key + (value == null || value.isEmpty() ? "" : "=" + value) + ":" + effect;
    }
}
