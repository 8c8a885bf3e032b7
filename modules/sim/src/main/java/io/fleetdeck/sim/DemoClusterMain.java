package io.fleetdeck.sim;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the demo fleet on its own: {@code nodes=60 port=6443 kubeconfig=/tmp/demo.kubeconfig seed=42
 * fill=0.85 controllers=true}; prints the kubeconfig path and serves until interrupted.
 */
public final class DemoClusterMain {
  private DemoClusterMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    DemoOptions o = DemoOptions.defaults();
    double fill = io.fleetdeck.sim.seed.SeedPlan.DEFAULT_FILL;
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      String v = kv.length > 1 ? kv[1] : "";
      switch (kv[0]) {
        case "nodes" -> o = new DemoOptions(Integer.parseInt(v), o.port(), o.kubeconfig(), o.seed(), o.controllers());
        case "port" -> o = new DemoOptions(o.nodes(), Integer.parseInt(v), o.kubeconfig(), o.seed(), o.controllers());
        case "kubeconfig" -> o = new DemoOptions(o.nodes(), o.port(), Path.of(v), o.seed(), o.controllers());
        case "seed" -> o = new DemoOptions(o.nodes(), o.port(), o.kubeconfig(), Long.parseLong(v), o.controllers());
        case "controllers" -> o = o.withControllers(Boolean.parseBoolean(v));
        case "fill" -> fill = Double.parseDouble(v);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    long t0 = System.nanoTime();
    DemoCluster cluster = DemoCluster.start(o, fill);
    System.out.printf("demo fleet: %d nodes, %d pods at %s in %d ms%nkubectl --kubeconfig %s get nodes%n",
        cluster.nodeCount(), cluster.podCount(), cluster.apiServerUrl(), (System.nanoTime() - t0) / 1_000_000,
        cluster.kubeconfig());
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
    new CountDownLatch(1).await();
  }
}
