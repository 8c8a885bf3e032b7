package io.fleetdeck.core.cluster;

import java.util.Map;

/**
 * A ConfigMap's data as read, with the resourceVersion it was read at: an edit is written only if nobody
 * changed the ConfigMap since (optimistic concurrency).
 */
public record ConfigMapData(String namespace, String name, Map<String, String> data, String resourceVersion) {
    public ConfigMapData {
        data = Map.copyOf(data);
    }

    public ConfigMapData withData(Map<String, String> newData) {
        return new ConfigMapData(namespace, name, newData, resourceVersion);
    }

    public ObjectRef ref() {
        return ObjectRef.configMap(namespace, name);
    }
}
