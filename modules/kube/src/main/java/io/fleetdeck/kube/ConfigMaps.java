package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterException.Kind;
import io.fleetdeck.core.cluster.ConfigMapData;

import java.util.Map;

/** Reads ConfigMaps and replaces their data with optimistic concurrency (the read resourceVersion). */
final class ConfigMaps {
    private final KubernetesClient client;
    private final ApiErrors errors;

    ConfigMaps(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    ConfigMapData read(String namespace, String name) throws ClusterException {
        ConfigMap cm;
        try {
            cm = client.configMaps().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw errors.translate(e, "read configmap " + namespace + "/" + name, null);
        }
        if (cm == null) {
            throw new ClusterException(Kind.NOT_FOUND, "ConfigMap " + namespace + "/" + name + " does not exist");
        }
        return toData(cm);
    }

    ConfigMapData replaceData(ConfigMapData edited) throws ClusterException {
        // PUT with the resourceVersion that was read: the server refuses (409) if anyone wrote since.
        ConfigMap cm = new ConfigMapBuilder()
                .withNewMetadata().withNamespace(edited.namespace()).withName(edited.name())
                .withResourceVersion(edited.resourceVersion()).endMetadata()
                .withData(new java.util.TreeMap<>(edited.data()))
                .build();
        try {
            ConfigMap current = client.configMaps().inNamespace(edited.namespace()).withName(edited.name()).get();
            if (current == null) {
                throw new ClusterException(Kind.NOT_FOUND, "ConfigMap " + edited.namespace() + "/" + edited.name()
                        + " was deleted meanwhile");
            }
            // Keep its labels and annotations: only the data is ours to change.
            cm.getMetadata().setLabels(current.getMetadata().getLabels());
            cm.getMetadata().setAnnotations(current.getMetadata().getAnnotations());
            cm.setBinaryData(current.getBinaryData());
            return toData(client.configMaps().inNamespace(edited.namespace()).resource(cm).update());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new ClusterException(Kind.CONFLICT, "ConfigMap " + edited.namespace() + "/" + edited.name()
                        + " was changed by someone else since it was read (at resourceVersion "
                        + edited.resourceVersion() + "); nothing was written. Reload it and apply the change again.", e);
            }
            throw errors.translate(e, "update configmap " + edited.namespace() + "/" + edited.name(), null);
        }
    }

    private static ConfigMapData toData(ConfigMap cm) {
        return new ConfigMapData(cm.getMetadata().getNamespace(), cm.getMetadata().getName(),
                cm.getData() == null ? Map.of() : cm.getData(), cm.getMetadata().getResourceVersion());
    }
}
