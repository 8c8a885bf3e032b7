package io.fleetdeck.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes Node as FleetDeck sees it: the fields the console shows, with capacity and allocatable
 * kept as the API's quantity strings.
 */
public record EncoderNode(
        String uid,
        String name,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<Taint> taints,
        boolean unschedulable,
        List<NodeCondition> conditions,
        Map<String, String> capacity,
        Map<String, String> allocatable,
        String osImage,
        String kernelVersion,
        String kubeletVersion,
        String containerRuntime,
        Instant created,
        boolean deleting) {

    public EncoderNode {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        taints = List.copyOf(taints);
        conditions = List.copyOf(conditions);
        capacity = Map.copyOf(capacity);
        allocatable = Map.copyOf(allocatable);
    }

    public String label(String key) {
        return labels.get(key);
    }

    public String instanceType() {
        String t = labels.get(FleetLabels.INSTANCE_TYPE);
        return t != null ? t : labels.getOrDefault(FleetLabels.INSTANCE_TYPE_BETA, "");
    }

    public String arch() {
        return labels.getOrDefault(FleetLabels.ARCH, "");
    }

    public String zone() {
        return labels.getOrDefault(FleetLabels.ZONE, "");
    }

    public String nodePool() {
        return labels.getOrDefault(FleetLabels.NODEPOOL, "");
    }

    public String capacityType() {
        String t = labels.get(FleetLabels.CAPACITY_TYPE);
        if (t != null) {
            return t;
        }
        String eks = labels.get(FleetLabels.EKS_CAPACITY_TYPE);
        return eks == null ? "" : eks.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The Ready condition's status: "True", "False", or "Unknown" when absent. */
    public String readyStatus() {
        for (NodeCondition c : conditions) {
            if ("Ready".equals(c.type())) {
                return c.status() == null ? "Unknown" : c.status();
            }
        }
        return "Unknown";
    }

    public boolean isReady() {
        return "True".equals(readyStatus());
    }

    public long allocatableCount(String resource) {
        return Quantities.parseCount(allocatable.get(resource));
    }

    public long capacityCount(String resource) {
        return Quantities.parseCount(capacity.get(resource));
    }

    public String maintenanceState() {
        return labels.get(FleetLabels.MAINTENANCE_STATE);
    }

    public boolean isDisruptedByKarpenter() {
        return taints.stream().anyMatch(t -> Taint.KARPENTER_DISRUPTED.equals(t.key()));
    }
}
