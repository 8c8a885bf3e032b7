package io.fleetdeck.core.cluster;

/** Which Kubernetes object an action is about; namespace is null for cluster-scoped kinds like Node. */
public record ObjectRef(String kind, String namespace, String name) {
    public static ObjectRef node(String name) {
        return new ObjectRef("Node", null, name);
    }

    public static ObjectRef configMap(String namespace, String name) {
        return new ObjectRef("ConfigMap", namespace, name);
    }

    /** "node/g1", "configmap/nvidia-device-plugin/time-slicing-config": the audit log's target. */
    public String auditTarget() {
        String k = kind.toLowerCase(java.util.Locale.ROOT);
        return namespace == null ? k + "/" + name : k + "/" + namespace + "/" + name;
    }
}
