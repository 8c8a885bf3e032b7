package io.fleetdeck.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The real kubectl against the demo fleet: what an operator would type during a maintenance window. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlTest {
  private static DemoCluster cluster;
  private static String nodeA;
  private static String nodeB;

  record Result(int exitCode, String output) {
    List<String> lines() {
      return output.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  @BeforeAll
  static void start() {
    assumeTrue(onPath("kubectl"), "kubectl is not installed");
    cluster = DemoCluster.start(DemoOptions.defaults());
    List<StoredObject> candidates = cluster.store().all(ResourceCatalog.NODES, null).stream()
        .filter(n -> "gpu-t4".equals(n.labels().get("karpenter.sh/nodepool")))
        .filter(n -> cluster.store().podsOnNode(n.name()).size() > 5)
        .filter(n -> !n.tree().path("spec").path("unschedulable").asBoolean(false))
        .toList();
    nodeA = candidates.get(0).name();
    nodeB = candidates.get(1).name();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  static boolean onPath(String exe) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> new File(dir, exe).canExecute());
  }

  static Result kubectl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", cluster.kubeconfig().toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Test
  @Order(1)
  void getsNodesPodsAndCustomResources() throws Exception {
    Result nodes = kubectl("get", "nodes");
    assertThat(nodes.exitCode()).as(nodes.output()).isZero();
    assertThat(nodes.lines()).hasSize(cluster.nodeCount() + 1);

    Result pods = kubectl("get", "pods", "-A");
    assertThat(pods.exitCode()).as(pods.output()).isZero();
    assertThat(pods.lines()).hasSize(cluster.podCount() + 1);

    Result onNode = kubectl("get", "pods", "-A", "--field-selector", "spec.nodeName=" + nodeA, "-o", "name");
    assertThat(onNode.exitCode()).isZero();
    assertThat(onNode.lines()).hasSize(cluster.store().podsOnNode(nodeA).size());

    Result claims = kubectl("get", "nodeclaims.karpenter.sh", "-o", "name");
    assertThat(claims.lines()).hasSize(cluster.nodeCount());
    assertThat(kubectl("get", "nodepools", "-o", "name").lines()).contains("nodepool.karpenter.sh/gpu-t4");
    assertThat(kubectl("auth", "can-i", "delete", "nodes").lines().getLast()).isEqualTo("yes");
    assertThat(kubectl("get", "pdb", "-n", "streaming").exitCode()).isZero();
    assertThat(kubectl("version").output()).contains("Server Version: v1.31");
  }

  @Test
  @Order(2)
  void cordonsLabelsAndAnnotatesNodes() throws Exception {
    assertThat(kubectl("cordon", nodeA).exitCode()).isZero();
    assertThat(node(nodeA).tree().path("spec").path("unschedulable").asBoolean()).isTrue();
    DemoClusterClientTest.await(Duration.ofSeconds(5), () ->
        node(nodeA).tree().path("spec").path("taints").toString().contains("node.kubernetes.io/unschedulable"));
    assertThat(kubectl("uncordon", nodeA).exitCode()).isZero();
    assertThat(node(nodeA).tree().path("spec").has("unschedulable")).isFalse();

    assertThat(kubectl("label", "node", nodeA, "fleetdeck.io/maintenance-state=upgrade-required").exitCode()).isZero();
    assertThat(kubectl("annotate", "node", nodeA, "fleetdeck.io/maintenance-owner=kubectl-test").exitCode()).isZero();
    assertThat(node(nodeA).labels()).containsEntry("fleetdeck.io/maintenance-state", "upgrade-required");
    assertThat(node(nodeA).tree().path("metadata").path("annotations").path("fleetdeck.io/maintenance-owner").asText())
        .isEqualTo("kubectl-test");
  }

  /** Two replicas behind a maxUnavailable=1 budget, both on node A: draining A must hit one 429 first. */
  @Test
  @Order(3)
  void drainsThroughADisruptionBudget() throws Exception {
    var client = cluster.client();
    assertThat(kubectl("label", "node", nodeA, nodeB, "drain-test=yes").exitCode()).isZero();
    assertThat(kubectl("cordon", nodeB).exitCode()).isZero();
    client.apps().deployments().inNamespace("streaming").resource(new DeploymentBuilder()
        .withNewMetadata().withName("drain-test").endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "drain-test").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "drain-test").endMetadata()
        .withNewSpec().addToNodeSelector("drain-test", "yes").addNewContainer().withName("c").withImage("busybox")
        .endContainer().endSpec().endTemplate().endSpec().build()).create();
    client.policy().v1().podDisruptionBudget().inNamespace("streaming").resource(new PodDisruptionBudgetBuilder()
        .withNewMetadata().withName("drain-test").endMetadata().withNewSpec().withMaxUnavailable(new IntOrString(1))
        .withNewSelector().addToMatchLabels("app", "drain-test").endSelector().endSpec().build()).create();
    DemoClusterClientTest.await(Duration.ofSeconds(10), () -> runningDrainTestPods(nodeA) == 2);

    // B stays cordoned until kubectl has met the budget: the evicted replica's replacement cannot start, so the
    // second eviction must be refused. (With B open, a replacement can be Running before kubectl's throttled
    // second request, and then the budget rightly allows it.)
    List<String> cmd = new ArrayList<>(List.of("kubectl", "--kubeconfig", cluster.kubeconfig().toString(),
        "drain", nodeA, "--ignore-daemonsets", "--delete-emptydir-data", "--timeout=60s"));
    Process drain = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    StringBuffer output = new StringBuffer();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(drain.getInputStream(),
          StandardCharsets.UTF_8))) {
        in.lines().forEach(line -> output.append(line).append('\n'));
      } catch (IOException e) {
        output.append(e);
      }
    });
    try {
      DemoClusterClientTest.await(Duration.ofSeconds(30),
          () -> output.toString().contains("Cannot evict pod as it would violate the pod's disruption budget."));
      assertThat(kubectl("uncordon", nodeB).exitCode()).isZero();
      assertThat(drain.waitFor(90, TimeUnit.SECONDS)).as(output.toString()).isTrue();
    } finally {
      drain.destroyForcibly();
    }
    reader.join(5_000);
    assertThat(drain.exitValue()).as(output.toString()).isZero();
    assertThat(output.toString()).contains("node/" + nodeA + " drained");
    assertThat(cluster.store().podsOnNode(nodeA)).extracting(p -> p.name())
        .allMatch(name -> name.startsWith("dcgm-exporter-"));
    DemoClusterClientTest.await(Duration.ofSeconds(10), () -> runningDrainTestPods(nodeB) == 2);
  }

  private static long runningDrainTestPods(String node) {
    return cluster.store().podsOnNode(node).stream()
        .filter(p -> "drain-test".equals(p.labels().get("app")) && p.phase().equals("Running") && !p.terminating())
        .count();
  }

  @Test
  @Order(4)
  void scalesAndReadsLogs() throws Exception {
    Result scale = kubectl("scale", "deployment", "live-2160p-fpga", "-n", "streaming", "--replicas=4");
    assertThat(scale.exitCode()).as(scale.output()).isZero();
    DemoClusterClientTest.await(Duration.ofSeconds(10), () -> cluster.store().all(ResourceCatalog.PODS, "streaming")
        .stream().filter(p -> "live-2160p-fpga".equals(p.labels().get("app")) && !p.terminating()).count() == 4);

    String pod = cluster.store().all(ResourceCatalog.PODS, "streaming").stream()
        .filter(p -> p.phase().equals("Running") && "session".equals(p.labels().get("app.kubernetes.io/component")))
        .findFirst().orElseThrow().name();
    Result logs = kubectl("logs", "-n", "streaming", pod, "--tail=4");
    assertThat(logs.exitCode()).as(logs.output()).isZero();
    assertThat(logs.lines()).hasSize(4).allMatch(l -> l.contains("fps="));
  }

  @Test
  @Order(5)
  void deletesANodeWithItsPodsAndClaim() throws Exception {
    Result delete = kubectl("delete", "node", nodeA);
    assertThat(delete.exitCode()).as(delete.output()).isZero();
    assertThat(cluster.store().get(ResourceCatalog.NODES, "", nodeA)).isEmpty();
    assertThat(cluster.store().podsOnNode(nodeA)).isEmpty();
    assertThat(kubectl("get", "node", nodeA).exitCode()).isNotZero();
    assertThat(kubectl("get", "nodeclaims", "-o", "name").lines()).hasSize(cluster.nodeCount());
  }

  private static StoredObject node(String name) {
    return cluster.store().require(ResourceCatalog.NODES, "", name);
  }
}
