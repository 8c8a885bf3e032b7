package io.fleetdeck.sim;

import java.nio.file.Path;

/**
 * How to start the demo fleet.
 *
 * @param nodes how many nodes to seed
 * @param port the API server's port on 127.0.0.1, 0 for any free one
 * @param kubeconfig where to write the kubeconfig, null for a temporary file
 * @param seed makes the fleet reproducible
 * @param controllers run the scheduler, kubelet, workload and device-plugin stand-ins
 */
public record DemoOptions(int nodes, int port, Path kubeconfig, long seed, boolean controllers) {

    public static DemoOptions defaults() {
        return new DemoOptions(60, 0, null, 42, true);
    }

    public DemoOptions withNodes(int n) {
        return new DemoOptions(n, port, kubeconfig, seed, controllers);
    }

    public DemoOptions withControllers(boolean on) {
        return new DemoOptions(nodes, port, kubeconfig, seed, on);
    }
}
