package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.NodeCondition;
import io.fleetdeck.core.model.Taint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a fabric8 Node into the console's {@link EncoderNode}. Pure and null-tolerant. */
public final class NodeMapper {
    private NodeMapper() {
    }

    public static EncoderNode toEncoderNode(Node node) {
        ObjectMeta meta = node.getMetadata() == null ? new ObjectMeta() : node.getMetadata();
        NodeSpec spec = node.getSpec() == null ? new NodeSpec() : node.getSpec();
        NodeStatus status = node.getStatus() == null ? new NodeStatus() : node.getStatus();
        NodeSystemInfo info = status.getNodeInfo() == null ? new NodeSystemInfo() : status.getNodeInfo();

        List<Taint> taints = spec.getTaints() == null ? List.of() : spec.getTaints().stream()
                .map(t -> new Taint(t.getKey(), t.getValue(), t.getEffect()))
                .toList();
        List<NodeCondition> conditions = status.getConditions() == null ? List.of() : status.getConditions().stream()
                .map(c -> new NodeCondition(c.getType(), c.getStatus(), c.getReason(), c.getMessage(),
                        Timestamps.parse(c.getLastTransitionTime())))
                .toList();

        return new EncoderNode(
                meta.getUid(),
                meta.getName(),
                orEmpty(meta.getLabels()),
                orEmpty(meta.getAnnotations()),
                taints,
                Boolean.TRUE.equals(spec.getUnschedulable()),
                conditions,
                quantities(status.getCapacity()),
                quantities(status.getAllocatable()),
                info.getOsImage(),
                info.getKernelVersion(),
                info.getKubeletVersion(),
                info.getContainerRuntimeVersion(),
                Timestamps.parse(meta.getCreationTimestamp()),
                meta.getDeletionTimestamp() != null);
    }

    static Map<String, String> orEmpty(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        // Map.copyOf in the record rejects null values, which the API allows for annotations.
        if (map.containsValue(null)) {
            Map<String, String> clean = new HashMap<>(map);
            clean.replaceAll((k, v) -> v == null ? "" : v);
            return clean;
        }
        return map;
    }

    private static Map<String, String> quantities(Map<String, Quantity> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>(map.size() * 2);
        map.forEach((k, q) -> {
            if (q != null) {
                out.put(k, q.toString());
            }
        });
        return out;
    }
}
