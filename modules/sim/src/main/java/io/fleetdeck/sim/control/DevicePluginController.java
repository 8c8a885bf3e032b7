package io.fleetdeck.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.seed.InstanceProfile;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import io.fleetdeck.sim.store.WatchEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The NVIDIA device plugin + GFD and the FPGA vendor plugin: advertise capacity from the node's
 * devices and the time-slicing ConfigMap, re-advertise when the ConfigMap changes, and advertise 0
 * allocatable where the driver does not load on the node's kernel.
 */
final class DevicePluginController implements Controller {
    private static final String FPGA_CARDS = InstanceProfile.FPGA_RESOURCE + "/card-count";
    private final ObjectStore store;
    private final DirtyQueue dirty = new DirtyQueue();

    DevicePluginController(ObjectStore store) {
        this.store = store;
        markAll();
    }

    private void markAll() {
        store.all(ResourceCatalog.NODES, null).forEach(n -> {
            if (n.labels().containsKey("nvidia.com/gpu.count") || n.labels().containsKey(FPGA_CARDS)) {
                dirty.add(n.name());
            }
        });
    }

    @Override
    public void enqueue(WatchEvent e) {
        StoredObject o = e.object();
        if (o.type() == ResourceCatalog.CONFIGMAPS && o.name().equals(AcceleratorCapacity.CONFIG_NAME)
                && o.namespace().equals(AcceleratorCapacity.CONFIG_NAMESPACE)) {
            markAll();
        } else if (o.type() == ResourceCatalog.NODES && !e.type().equals(WatchEvent.DELETED)) {
            dirty.add(o.name());
        }
    }

    @Override
    public void reconcile() {
        if (dirty.isEmpty()) {
            return;
        }
        Map<String, String> config = timeSlicingConfig();
        for (String name : dirty.drain(2000)) {
            store.get(ResourceCatalog.NODES, "", name).ifPresent(node -> advertise(node, config));
        }
    }

    private Map<String, String> timeSlicingConfig() {
        Map<String, String> data = new HashMap<>();
        store.get(ResourceCatalog.CONFIGMAPS, AcceleratorCapacity.CONFIG_NAMESPACE, AcceleratorCapacity.CONFIG_NAME)
                .ifPresent(cm -> cm.tree().path("data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asText())));
        return data;
    }

    private void advertise(StoredObject node, Map<String, String> config) {
        Map<String, String> labels = node.labels();
        if (!labels.containsKey("nvidia.com/gpu.count") && !labels.containsKey(FPGA_CARDS)) {
            return;
        }
        store.update(ResourceCatalog.NODES, "", node.name(), n -> {
            JsonNode lbl = n.path("metadata").path("labels");
            boolean loads = AcceleratorCapacity.driverLoads(Json.text(n, "status", "nodeInfo", "kernelVersion"));
            String resource;
            int capacity;
            if (lbl.has("nvidia.com/gpu.count")) {
                resource = InstanceProfile.GPU_RESOURCE;
                int replicas = AcceleratorCapacity.replicas(config, lbl.path(AcceleratorCapacity.CONFIG_LABEL).asText(null));
                capacity = AcceleratorCapacity.gpus(lbl) * replicas;
                if (loads) {
                    // GFD relabels only where its pod runs, i.e. where the driver loaded.
                    ObjectNode labelsNode = (ObjectNode) lbl;
                    String product = labelsNode.path("nvidia.com/gpu.product").asText().replace("-SHARED", "");
                    labelsNode.put("nvidia.com/gpu.replicas", Integer.toString(replicas))
                            .put("nvidia.com/gpu.product", product + (replicas > 1 ? "-SHARED" : ""))
                            .put("nvidia.com/gpu.sharing-strategy", replicas > 1 ? "time-slicing" : "none");
                }
            } else {
                resource = InstanceProfile.FPGA_RESOURCE;
                capacity = lbl.path(FPGA_CARDS).asInt(0);
            }
            ObjectNode status = Json.with(n, "status");
            Json.with(status, "capacity").put(resource, Integer.toString(capacity));
            Json.with(status, "allocatable").put(resource, Integer.toString(loads ? capacity : 0));
            return n;
        });
    }
}
