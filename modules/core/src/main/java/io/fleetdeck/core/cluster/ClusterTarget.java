package io.fleetdeck.core.cluster;

import java.nio.file.Path;

/**
 * Which cluster to show: a context of a kubeconfig file. The embedded demo fleet is a target too, with a
 * kubeconfig the simulator wrote.
 */
public record ClusterTarget(Path kubeconfig, String context, boolean demo) {
    public static final String DEMO_LABEL = "Embedded demo fleet";

    public String displayName() {
        return demo ? DEMO_LABEL : context;
    }
}
