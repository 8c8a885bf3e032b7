package io.fleetdeck.app.shell;

import io.fleetdeck.core.cluster.ClusterTarget;

import java.util.List;

/**
 * The clusters the picker offers, the kubeconfig's current context (null if none), and what went wrong
 * reading the kubeconfig (empty when nothing).
 */
public record TargetList(List<ClusterTarget> targets, String currentContext, String problem) {
}
