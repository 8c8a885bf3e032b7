package io.fleetdeck.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

        /** The header's column names (kubectl separates columns by at least three spaces). */
        List<String> header() {
            return cells(lines().getFirst());
        }

        /** The rows' cells by the first column. */
        Map<String, List<String>> rows() {
            Map<String, List<String>> rows = new LinkedHashMap<>();
            lines().stream().skip(1).map(Result::cells).forEach(r -> rows.put(r.getFirst(), r));
            return rows;
        }

        private static List<String> cells(String line) {
            return List.of(line.trim().split("\\s{2,}"));
        }
    }

    private static final String AGE = "[0-9]+[smhdy]([0-9]+[smhd])?";

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

    /** kubectl prints the columns the API server sends in its Tables, as operators compare them with FleetDeck. */
    @Test
    @Order(2)
    void printsTheApiServersTables() throws Exception {
        assertThat(kubectl("cordon", nodeA).exitCode()).isZero();
        try {
            Result nodes = kubectl("get", "nodes");
            assertThat(nodes.header()).containsExactly("NAME", "STATUS", "ROLES", "AGE", "VERSION");
            List<String> a = nodes.rows().get(nodeA);
            assertThat(a.subList(0, 3)).containsExactly(nodeA, "Ready,SchedulingDisabled", "<none>");
            assertThat(a.get(3)).matches(AGE);
            assertThat(a.get(4)).isEqualTo(node(nodeA).tree().path("status").path("nodeInfo").path("kubeletVersion").asText());
            long notReady = cluster.store().all(ResourceCatalog.NODES, null).stream()
                    .filter(n -> !readyCondition(n.tree()).equals("True")).count();
            assertThat(notReady).isPositive();
            assertThat(nodes.rows().values()).filteredOn(r -> r.get(1).startsWith("NotReady")).hasSize((int) notReady);
        } finally {
            assertThat(kubectl("uncordon", nodeA).exitCode()).isZero();
        }

        Result wide = kubectl("get", "nodes", "-o", "wide");
        assertThat(wide.header()).containsExactly("NAME", "STATUS", "ROLES", "AGE", "VERSION", "INTERNAL-IP", "EXTERNAL-IP",
                "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME");
        JsonNode info = node(nodeB).tree().path("status").path("nodeInfo");
        assertThat(wide.rows().get(nodeB).subList(6, 10)).containsExactly("<none>", info.path("osImage").asText(),
                info.path("kernelVersion").asText(), info.path("containerRuntimeVersion").asText());
        assertThat(wide.output()).contains("Flatcar Container Linux by Kinvolk 4081.2.0 (Oklo)", "6.6.60-flatcar",
                "Bottlerocket OS 1.26.", "6.1.119", "containerd://1.7.24+bottlerocket");

        Result pods = kubectl("get", "pods", "-n", "streaming");
        assertThat(pods.header()).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE");
        assertThat(pods.rows().values()).filteredOn(r -> r.get(2).equals("Running")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get(1)).isEqualTo("1/1"));
        String running = cluster.store().podsOnNode(nodeB).stream().filter(p -> p.namespace().equals("streaming"))
                .filter(p -> p.phase().equals("Running") && !p.terminating()).findFirst().orElseThrow().name();
        List<String> one = kubectl("get", "pod", "-n", "streaming", running, "-o", "wide").rows().get(running);
        assertThat(one.subList(1, 4)).containsExactly("1/1", "Running", "0");
        assertThat(one.get(4)).matches(AGE);
        assertThat(one.get(6)).isEqualTo(nodeB);

        Result pdb = kubectl("get", "pdb", "-n", "streaming");
        assertThat(pdb.header()).containsExactly("NAME", "MIN AVAILABLE", "MAX UNAVAILABLE", "ALLOWED DISRUPTIONS", "AGE");
        assertThat(pdb.rows().get("live-2160p-fpga").subList(1, 3)).containsExactly("N/A", "10%");
        assertThat(pdb.rows().get("live-2160p-fpga").get(3)).matches("[0-9]+");

        Result deployments = kubectl("get", "deployments", "-A");
        assertThat(deployments.header()).containsExactly("NAMESPACE", "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE");
        Result pools = kubectl("get", "nodepools");
        assertThat(pools.header()).startsWith("NAME", "NODECLASS", "NODES", "READY", "AGE");
        assertThat(pools.rows()).containsKeys("gpu-t4", "gpu-a10g", "gpu-arm", "fpga");
        Result sorted = kubectl("get", "pods", "-n", "streaming", "--sort-by=.metadata.creationTimestamp");
        assertThat(sorted.exitCode()).as(sorted.output()).isZero();

        JsonNode list = Json.parseAny(kubectl("get", "nodes", "-o", "json").output());
        assertThat(list.path("items")).hasSize(cluster.nodeCount());
        assertThat(list.path("items").path(0).path("kind").asText()).isEqualTo("Node");
        assertThat(kubectl("get", "node", nodeA, "-o", "yaml").output()).contains("kind: Node", "kubeletVersion:");
    }

    private static String readyCondition(JsonNode node) {
        for (JsonNode c : node.path("status").path("conditions")) {
            if (c.path("type").asText().equals("Ready")) {
                return c.path("status").asText();
            }
        }
        return "";
    }

    @Test
    @Order(3)
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
    @Order(4)
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
    @Order(5)
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
    @Order(6)
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
