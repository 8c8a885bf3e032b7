package io.fleetdeck.core.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builders for nodes and pods in core tests. */
public final class TestNodes {
    private TestNodes() {
    }

    public static EncoderNode gpuNode(String name, String product, int gpus, int replicas) {
        Map<String, String> labels = new HashMap<>();
        labels.put(FleetLabels.GPU_PRODUCT, product + "-SHARED");
        labels.put(FleetLabels.GPU_COUNT, String.valueOf(gpus));
        labels.put(FleetLabels.GPU_REPLICAS, String.valueOf(replicas));
        labels.put(FleetLabels.INSTANCE_TYPE, "g4dn.2xlarge");
        labels.put(FleetLabels.ARCH, "amd64");
        String slices = String.valueOf(gpus * replicas);
        return node(name, labels, Map.of(FleetLabels.GPU_RESOURCE, slices, "pods", "110"), false, "True");
    }

    public static EncoderNode node(String name, Map<String, String> labels, Map<String, String> allocatable,
                                   boolean unschedulable, String ready) {
        return new EncoderNode("uid-" + name, name, labels, Map.of(), List.of(), unschedulable,
                List.of(new NodeCondition("Ready", ready, "KubeletReady", "", Instant.EPOCH)),
                allocatable, allocatable, "Flatcar Container Linux by Kinvolk 4081.2.0", "6.6.60-flatcar",
                "v1.31.2", "containerd://1.7.22", Instant.EPOCH, false);
    }

    public static PodInfo session(String uid, String node, String resource, long amount) {
        return new PodInfo(uid, "streaming", "enc-" + uid, node, PodPhase.RUNNING, false, "ReplicaSet", "enc",
                Map.of(resource, amount), "channel-" + uid, null, 25, Instant.EPOCH, null, null, 0, false, Map.of());
    }

    public static PodInfo pending(String uid, String resource) {
        return new PodInfo(uid, "streaming", "enc-" + uid, null, PodPhase.PENDING, false, "ReplicaSet", "enc",
                Map.of(resource, 1L), "channel-" + uid, null, 25, Instant.EPOCH, "Unschedulable",
                "0/3 nodes are available", 0, false, Map.of());
    }
}
