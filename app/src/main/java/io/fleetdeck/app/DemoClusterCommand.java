package io.fleetdeck.app;

import io.fleetdeck.sim.DemoCluster;
import io.fleetdeck.sim.DemoOptions;
import io.fleetdeck.sim.control.NodeFlaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code fleetdeck demo-cluster}: the embedded demo fleet alone, headless, until interrupted. */
@Command(name = "demo-cluster", mixinStandardHelpOptions = true,
        description = "Run the embedded demo fleet (an API server on 127.0.0.1) without the console.")
final class DemoClusterCommand implements Callable<Integer> {
    @Option(names = "--nodes", paramLabel = "N", defaultValue = "60", description = "Nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "Port on 127.0.0.1 (default: any free one).")
    int port;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Where to write the kubeconfig (default: a temporary file).")
    Path kubeconfig;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed of the fleet (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--session-fill", paramLabel = "SHARE", defaultValue = "0.85",
            description = "Share of free slices that carry stream sessions (default: ${DEFAULT-VALUE}; "
                    + "0.4 on 5,000 nodes gives about 50,000 sessions).")
    double sessionFill;

    @Option(names = "--streams", paramLabel = "N", defaultValue = "4",
            description = "Real demo streams (UDP on loopback) put on session pods' preview URLs (default: ${DEFAULT-VALUE}).")
    int streams;

    @Option(names = "--node-flaps", paramLabel = "SECONDS", defaultValue = "90",
            description = "Every SECONDS one GPU node's kubelet stops posting status for 20 s: the node turns "
                    + "NotReady (unreachable taints, NodeNotReady Event), then Ready again (default: ${DEFAULT-VALUE}; 0: off).")
    long nodeFlaps;

    @Override
    public Integer call() throws InterruptedException {
        if (nodes < 1 || sessionFill < 0 || sessionFill > 1 || nodeFlaps < 0) {
            System.err.println("demo-cluster: --nodes must be at least 1, --session-fill between 0 and 1"
                    + " and --node-flaps at least 0");
            return 2;
        }
        long t0 = System.nanoTime();
        DemoCluster demo = DemoCluster.start(new DemoOptions(nodes, port, kubeconfig, seed, true), sessionFill);
        int running = 0;
        try {
            running = demo.startStreams(new io.fleetdeck.media.JavaCvEncodeEngine(), streams);
        } catch (io.fleetdeck.core.media.EncodeException | RuntimeException e) {
            System.err.println("demo-cluster: demo streams not started: " + e.getMessage());
        }
        demo.startNodeFlaps(Duration.ofSeconds(nodeFlaps), NodeFlaps.DEFAULT_OUTAGE);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stop.countDown();
        }, "demo-cluster-stop"));
        System.out.printf("Demo fleet ready in %.1f s: %d nodes, %d pods at %s%n",
                (System.nanoTime() - t0) / 1e9, demo.nodeCount(), demo.podCount(), demo.apiServerUrl());
        System.out.println("streams:    " + running + " (see the pods' fleetdeck.io/preview-url annotations)");
        System.out.println("node flaps: " + (nodeFlaps > 0 ? "one GPU node NotReady for "
                + NodeFlaps.DEFAULT_OUTAGE.toSeconds() + " s every " + nodeFlaps + " s" : "off"));
        System.out.println("kubeconfig: " + demo.kubeconfig());
        System.out.println("try:        kubectl --kubeconfig " + demo.kubeconfig() + " get nodes");
        System.out.println("Ctrl-C stops it.");
        stop.await();
        return 0;
    }
}
