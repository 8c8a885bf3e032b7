package io.fleetdeck.app.nodes;

import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeCondition;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.PodPhase;
import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small fleets for view and view-model tests. */
public final class Fleets {
    private Fleets() {
    }

    public static EncoderNode gpuNode(String name, String zone, boolean cordoned) {
        Map<String, String> labels = new HashMap<>();
        labels.put(FleetLabels.GPU_PRODUCT, "Tesla-T4-SHARED");
        labels.put(FleetLabels.GPU_COUNT, "1");
        labels.put(FleetLabels.GPU_REPLICAS, "28");
        labels.put(FleetLabels.INSTANCE_TYPE, "g4dn.2xlarge");
        labels.put(FleetLabels.ZONE, zone);
        labels.put(FleetLabels.ARCH, "amd64");
        labels.put(FleetLabels.NODEPOOL, "gpu-t4");
        labels.put(FleetLabels.CAPACITY_TYPE, "spot");
        Map<String, String> alloc = Map.of(FleetLabels.GPU_RESOURCE, "28", "pods", "110", "cpu", "8");
        return new EncoderNode("uid-" + name, name, labels, Map.of(), List.of(), cordoned,
                List.of(new NodeCondition("Ready", "True", "KubeletReady", "kubelet is posting ready status",
                        Instant.parse("2026-11-20T00:00:00Z"))),
                alloc, alloc, "Flatcar Container Linux by Kinvolk 4081.2.0 (Oklo)", "6.6.60-flatcar", "v1.31.2",
                "containerd://1.7.22", Instant.parse("2026-11-20T00:00:00Z"), false);
    }

    public static PodInfo session(String name, String node) {
        return new PodInfo("uid-" + name, "streaming", name, node, PodPhase.RUNNING, false, "ReplicaSet",
                "live-1080p-t4", Map.of(FleetLabels.GPU_RESOURCE, 1L), "channel-" + name, null, 25,
                Instant.parse("2026-11-22T00:00:00Z"), null, null, 0, false, Map.of());
    }

    /** {@code nodes} T4 nodes over three zones, the first two with sessions, "gpu-002" cordoned. */
    public static FleetStore store(int nodes) {
        FleetStore store = new FleetStore(AcceleratorPatterns.defaults());
        List<FleetChange> batch = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            String name = String.format("gpu-%03d", i);
            batch.add(new FleetChange.NodeUpserted(gpuNode(name, "us-east-1" + "abc".charAt(i % 3), i == 2)));
        }
        batch.add(new FleetChange.PodUpserted(session("enc-a", "gpu-000")));
        batch.add(new FleetChange.PodUpserted(session("enc-b", "gpu-000")));
        batch.add(new FleetChange.PodUpserted(session("enc-c", "gpu-001")));
        store.apply(batch);
        return store;
    }
}
