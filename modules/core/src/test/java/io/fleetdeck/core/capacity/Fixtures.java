package io.fleetdeck.core.capacity;

import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.PodPhase;
import io.fleetdeck.core.model.TestNodes;
import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Nodes and pods for capacity tests; summaries come from the real store, as in the app. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A time-sliced GPU node as GFD labels it, in a nodepool, on an instance type. */
    public static EncoderNode gpu(String name, String product, int gpus, int replicas, String instanceType,
                                  String pool, String arch) {
        Map<String, String> labels = new HashMap<>(TestNodes.gpuNode(name, product, gpus, replicas).labels());
        labels.put(FleetLabels.INSTANCE_TYPE, instanceType);
        labels.put(FleetLabels.NODEPOOL, pool);
        labels.put(FleetLabels.ARCH, arch);
        return TestNodes.node(name, labels,
                Map.of(FleetLabels.GPU_RESOURCE, String.valueOf(gpus * replicas), "pods", "110"), false, "True");
    }

    public static EncoderNode withLabel(EncoderNode n, String key, String value) {
        Map<String, String> labels = new HashMap<>(n.labels());
        labels.put(key, value);
        return TestNodes.node(n.name(), labels, n.allocatable(), n.unschedulable(), n.readyStatus());
    }

    /** Renamed by the plugin: advertises nvidia.com/gpu.shared, product label without -SHARED. */
    public static EncoderNode renamedGpu(String name, int gpus, int replicas) {
        return TestNodes.node(name, Map.of(FleetLabels.GPU_PRODUCT, "Tesla-T4", FleetLabels.GPU_COUNT,
                        String.valueOf(gpus), FleetLabels.GPU_REPLICAS, String.valueOf(replicas),
                        FleetLabels.INSTANCE_TYPE, "g4dn.2xlarge", FleetLabels.ARCH, "amd64"),
                Map.of(FleetLabels.GPU_SHARED_RESOURCE, String.valueOf(gpus * replicas)), false, "True");
    }

    /** A GPU node without GPU Feature Discovery: only the device plugin's capacity. */
    public static EncoderNode bareGpu(String name, long slices) {
        return TestNodes.node(name, Map.of(FleetLabels.INSTANCE_TYPE, "p9.weird", FleetLabels.ARCH, "amd64"),
                Map.of(FleetLabels.GPU_RESOURCE, String.valueOf(slices)), false, "True");
    }

    public static EncoderNode fpga(String name, String resource, int slots, String instanceType) {
        return TestNodes.node(name, Map.of(FleetLabels.INSTANCE_TYPE, instanceType, FleetLabels.ARCH, "amd64",
                FleetLabels.NODEPOOL, "fpga"), Map.of(resource, String.valueOf(slots)), false, "True");
    }

    public static EncoderNode cpu(String name) {
        return TestNodes.node(name, Map.of(FleetLabels.INSTANCE_TYPE, "m7i.large", FleetLabels.ARCH, "amd64"),
                Map.of("pods", "29"), false, "True");
    }

    public static PodInfo session(String uid, String node, String resource, long amount, boolean terminating) {
        PodInfo p = TestNodes.session(uid, node, resource, amount);
        return new PodInfo(p.uid(), p.namespace(), p.name(), p.nodeName(), p.phase(), terminating, p.ownerKind(),
                p.ownerName(), p.acceleratorRequests(), p.streamName(), null, 25, p.created(), null, null, 0, false,
                Map.of());
    }

    public static PodInfo pending(String uid, Map<String, Long> requests, Map<String, String> selector,
                                  String reason, String message) {
        return new PodInfo(uid, "streaming", "enc-" + uid, null, PodPhase.PENDING, false, "ReplicaSet", "enc",
                requests, "channel-" + uid, null, 25, Instant.EPOCH, reason, message, 0, false, selector);
    }

    public static PodInfo pendingGpu(String uid, Map<String, String> selector) {
        return pending(uid, Map.of(FleetLabels.GPU_RESOURCE, 1L), selector, null, null);
    }

    /** Summaries of {@code nodes} with {@code pods} bound, computed by a FleetStore. */
    public static List<NodeSummary> summaries(Collection<EncoderNode> nodes, Collection<PodInfo> pods) {
        FleetStore store = new FleetStore(AcceleratorPatterns.defaults());
        List<FleetChange> batch = new ArrayList<>();
        nodes.forEach(n -> batch.add(new FleetChange.NodeUpserted(n)));
        pods.forEach(p -> batch.add(new FleetChange.PodUpserted(p)));
        store.apply(batch);
        return nodes.stream().map(n -> store.summary(n.name())).toList();
    }

    public static NodeSummary summary(EncoderNode node, PodInfo... pods) {
        return summaries(List.of(node), List.of(pods)).getFirst();
    }
}
