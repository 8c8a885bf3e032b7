package io.fleetdeck.app.timeslicing;

import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterGateway;
import io.fleetdeck.core.cluster.ClusterTarget;
import io.fleetdeck.core.cluster.ConfigMapData;
import io.fleetdeck.core.cluster.ObjectRef;
import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeState;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.store.FleetSink;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A cluster with only what the time-slicing editor needs: one ConfigMap with optimistic replace, and GPU nodes. */
final class DevicePluginFleet implements ClusterGateway {
    static final String NS = TimeSlicingViewModel.DEFAULT_NAMESPACE;
    static final String NAME = TimeSlicingViewModel.DEFAULT_NAME;

    static String config(int replicas) {
        return """
                version: v1
                sharing:
                  timeSlicing:
                    failRequestsGreaterThanOne: true
                    resources:
                      - name: nvidia.com/gpu
                        replicas: %d
                """.formatted(replicas);
    }

    private ConfigMapData configMap;
    private int version = 100;
    final List<ConfigMapData> writes = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    DevicePluginFleet() {
        configMap = new ConfigMapData(NS, NAME, Map.of("t4-28", config(28), "a10g-31", config(31),
                "t4-40", config(40)), String.valueOf(version));
    }

    /** Someone else edits the ConfigMap: the next replace at the old resourceVersion conflicts. */
    void changeBehindTheConsole(String key, String yaml) {
        Map<String, String> data = new HashMap<>(configMap.data());
        data.put(key, yaml);
        configMap = new ConfigMapData(NS, NAME, data, String.valueOf(++version));
    }

    void delete() {
        configMap = null;
    }

    ConfigMapData current() {
        return configMap;
    }

    /** Three T4 nodes on t4-28 (the first with 27 sessions), one A10G node on a10g-31, one unlabelled. */
    static List<NodeSummary> nodes() {
        return List.of(
                gpuNode("t4-a", "Tesla-T4-SHARED", "t4-28", "gpu-t4", 28, 27),
                gpuNode("t4-b", "Tesla-T4-SHARED", "t4-28", "gpu-t4", 28, 3),
                gpuNode("t4-c", "Tesla-T4-SHARED", "t4-28", "gpu-t4", 28, 0),
                gpuNode("a10g-a", "NVIDIA-A10G-SHARED", "a10g-31", "gpu-a10g", 31, 10),
                gpuNode("plain", "Tesla-T4", null, "gpu-t4", 1, 0));
    }

    static NodeSummary gpuNode(String name, String product, String configKey, String pool, int replicas, int used) {
        Map<String, String> labels = new HashMap<>();
        labels.put(FleetLabels.GPU_PRODUCT, product);
        labels.put(FleetLabels.GPU_COUNT, "1");
        labels.put(FleetLabels.GPU_REPLICAS, String.valueOf(replicas));
        labels.put(FleetLabels.NODEPOOL, pool);
        if (configKey != null) {
            labels.put(FleetLabels.DEVICE_PLUGIN_CONFIG, configKey);
        }
        Map<String, String> alloc = Map.of(FleetLabels.GPU_RESOURCE, String.valueOf(replicas));
        EncoderNode node = new EncoderNode("uid-" + name, name, labels, Map.of(), List.of(), false, List.of(), alloc,
                alloc, "Flatcar", "6.6", "v1.31.2", "containerd", Instant.parse("2026-11-20T00:00:00Z"), false);
        return new NodeSummary(node, NodeState.READY, product, 1, replicas, FleetLabels.GPU_RESOURCE, replicas, used,
                null, 0, 0, 0, used, used, 110, "", "");
    }

    @Override
    public ClusterTarget target() {
        return new ClusterTarget(Path.of("kubeconfig"), "prod", false);
    }

    @Override
    public String serverUrl() {
        return "https://127.0.0.1:6443";
    }

    @Override
    public void start(FleetSink sink) {
    }

    @Override
    public void setCordoned(String nodeName, boolean cordoned) {
    }

    @Override
    public List<ClusterEvent> recentEvents(String nodeName) {
        return List.of();
    }

    @Override
    public void recordAction(ObjectRef target, String reason, String message) {
        events.add(target.auditTarget() + " " + reason + " " + message);
    }

    @Override
    public ConfigMapData readConfigMap(String namespace, String name) throws ClusterException {
        if (configMap == null || !configMap.namespace().equals(namespace) || !configMap.name().equals(name)) {
            throw new ClusterException(ClusterException.Kind.NOT_FOUND,
                    "configmaps \"" + name + "\" not found in namespace " + namespace);
        }
        return configMap;
    }

    @Override
    public ConfigMapData replaceConfigMapData(ConfigMapData edited) throws ClusterException {
        if (configMap == null) {
            throw new ClusterException(ClusterException.Kind.NOT_FOUND, "configmaps \"" + edited.name() + "\" not found");
        }
        if (!configMap.resourceVersion().equals(edited.resourceVersion())) {
            throw new ClusterException(ClusterException.Kind.CONFLICT, "ConfigMap " + NS + "/" + NAME
                    + " was changed by someone else since you loaded it (resourceVersion " + edited.resourceVersion()
                    + ", now " + configMap.resourceVersion() + ").");
        }
        writes.add(edited);
        configMap = new ConfigMapData(NS, NAME, edited.data(), String.valueOf(++version));
        return configMap;
    }

    @Override
    public void close() {
    }
}
