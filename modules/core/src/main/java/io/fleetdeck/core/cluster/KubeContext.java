package io.fleetdeck.core.cluster;

/** A context of a kubeconfig file, for the context picker. */
public record KubeContext(String name, String cluster, String user, String namespace, boolean current) {
}
