package io.fleetdeck.sim;

import static io.fleetdeck.sim.DemoClusterClientTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fleetdeck.sim.control.NodeFlaps;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import io.fleetdeck.sim.store.WatchEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A GPU node's kubelet goes silent now and then, and comes back. */
class NodeFlapsTest {
    private static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    private static final Duration FAST = Duration.ofMillis(300);

    private DemoCluster cluster;
    /** Every node change, in order: what a watch on nodes would see. */
    private final List<WatchEvent> nodeChanges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        cluster = DemoCluster.start(DemoOptions.defaults());
        cluster.store().addListener(e -> {
            if (e.object().type() == ResourceCatalog.NODES && e.type().equals(WatchEvent.MODIFIED)) {
                nodeChanges.add(e);
            }
        });
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void theClusterHasNoFlapsUnlessAsked() {
        assertThat(cluster.startNodeFlaps(Duration.ZERO, FAST)).isNull();
    }

    @Test
    void aGpuNodeGoesUnknownWithTheUnreachableTaintsThenComesBack() throws Exception {
        NodeFlaps flaps = cluster.startNodeFlaps(FAST, FAST);
        await(Duration.ofSeconds(10), () -> flaps.nodeOut() != null);
        await(Duration.ofSeconds(10), () -> !wentOut().isEmpty());
        StoredObject out = wentOut().getFirst();
        String name = out.name();
        assertThat(out.labels()).containsEntry("nvidia.com/gpu.present", "true");
        JsonNode tree = out.tree();
        for (String type : List.of("Ready", "MemoryPressure", "DiskPressure", "PIDPressure")) {
            JsonNode c = condition(tree, type);
            assertThat(c.path("status").asText()).as(type).isEqualTo("Unknown");
            assertThat(c.path("reason").asText()).as(type).isEqualTo("NodeStatusUnknown");
            assertThat(c.path("message").asText()).as(type).isEqualTo("Kubelet stopped posting node status.");
        }
        assertThat(unreachableTaints(tree)).containsExactlyInAnyOrder("NoSchedule", "NoExecute");
        for (JsonNode t : tree.path("spec").path("taints")) {
            assertThat(t.hasNonNull("timeAdded")).as(t.toString()).isEqualTo(t.path("effect").asText().equals("NoExecute"));
        }

        // It comes back: a later change of the same node is Ready again, without the taints.
        await(Duration.ofSeconds(10), () -> cameBack(name, out.resourceVersion()) != null);
        JsonNode back = cameBack(name, out.resourceVersion()).tree();
        assertThat(condition(back, "Ready").path("reason").asText()).isEqualTo("KubeletReady");
        assertThat(condition(back, "Ready").path("message").asText()).isEqualTo("kubelet is posting ready status");
        for (String type : List.of("MemoryPressure", "DiskPressure", "PIDPressure")) {
            assertThat(condition(back, type).path("status").asText()).as(type).isEqualTo("False");
        }
        assertThat(unreachableTaints(back)).isEmpty();

        // The Events, as a client lists them.
        await(Duration.ofSeconds(10), () -> reasonsFor(name).containsAll(Set.of("NodeNotReady", "NodeReady")));
        Event notReady = cluster.client().v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> name.equals(e.getInvolvedObject().getName()) && "NodeNotReady".equals(e.getReason()))
                .findFirst().orElseThrow();
        assertThat(notReady.getInvolvedObject().getKind()).isEqualTo("Node");
        assertThat(notReady.getSource().getComponent()).isEqualTo("node-controller");
        assertThat(notReady.getMessage()).isEqualTo("Node " + name + " status is now: NodeNotReady");
    }

    @Test
    void cordonedAndNotReadyNodesAreNeverPicked() throws Exception {
        List<StoredObject> gpu = cluster.store().all(ResourceCatalog.NODES, null).stream()
                .filter(n -> "true".equals(n.labels().get("nvidia.com/gpu.present")))
                .sorted(java.util.Comparator.comparing(StoredObject::name)).toList();
        String spared = gpu.stream().filter(n -> ready(n.tree()) && !cordoned(n.tree())).findFirst().orElseThrow().name();
        String notReady = gpu.stream().filter(n -> ready(n.tree()) && !n.name().equals(spared)).findFirst().orElseThrow().name();
        // One node's kubelet reports NotReady itself (no taint yet); every other GPU node is cordoned.
        cluster.store().update(ResourceCatalog.NODES, "", notReady, n -> {
            for (JsonNode c : n.path("status").path("conditions")) {
                if (c.path("type").asText().equals("Ready")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("status", "False").put("reason", "KubeletNotReady");
                }
            }
            return n;
        });
        for (StoredObject n : gpu) {
            if (!n.name().equals(spared) && !n.name().equals(notReady)) {
                cluster.client().nodes().withName(n.name()).edit(node -> {
                    node.getSpec().setUnschedulable(true);
                    return node;
                });
            }
        }
        nodeChanges.clear();
        cluster.startNodeFlaps(FAST, Duration.ofMillis(100));
        await(Duration.ofSeconds(15), () -> wentOut().size() >= 3);
        assertThat(wentOut().stream().map(StoredObject::name).collect(Collectors.toSet())).containsExactly(spared);
    }

    @Test
    void theSchedulerKeepsPodsOffTheUnreachableNodeAndCloseBringsItBack() throws Exception {
        NodeFlaps flaps = cluster.startNodeFlaps(Duration.ofMillis(200), Duration.ofMinutes(5));
        await(Duration.ofSeconds(10), () -> flaps.nodeOut() != null);
        String name = flaps.nodeOut();
        Pod pod = new PodBuilder().withNewMetadata().withName("pinned-to-" + name).withNamespace("streaming").endMetadata()
                .withNewSpec().withNodeSelector(Map.of("kubernetes.io/hostname", name))
                .addNewContainer().withName("probe").withImage("busybox:1.36").endContainer()
                // What the DefaultTolerationSeconds admission plugin adds: NoExecute only, so NoSchedule still keeps it off.
                .addNewToleration().withKey(UNREACHABLE).withOperator("Exists").withEffect("NoExecute")
                .withTolerationSeconds(300L).endToleration()
                .addNewToleration().withKey("node.kubernetes.io/not-ready").withOperator("Exists").withEffect("NoExecute")
                .withTolerationSeconds(300L).endToleration()
                .endSpec().build();
        var client = cluster.client();
        client.pods().inNamespace("streaming").resource(pod).create();
        var ref = client.pods().inNamespace("streaming").withName(pod.getMetadata().getName());
        await(Duration.ofSeconds(10), () -> ref.get().getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("PodScheduled") && c.getStatus().equals("False")));
        assertThat(ref.get().getSpec().getNodeName()).isNull();
        assertThat(ref.get().getStatus().getConditions()).anyMatch(c -> c.getType().equals("PodScheduled")
                && c.getMessage().contains("untolerated taint {" + UNREACHABLE + ": }"));

        flaps.close();
        assertThat(flaps.nodeOut()).isNull();
        Node node = client.nodes().withName(name).get();
        NodeCondition ready = node.getStatus().getConditions().stream().filter(c -> c.getType().equals("Ready"))
                .findFirst().orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("True");
        List<Taint> taints = node.getSpec().getTaints() == null ? List.of() : node.getSpec().getTaints();
        assertThat(taints).noneMatch(t -> UNREACHABLE.equals(t.getKey()));
        // Back, the node takes the pod that waited for it.
        await(Duration.ofSeconds(15), () -> name.equals(ref.get().getSpec().getNodeName()));
    }

    /** Node changes that took a node out (Ready turned from True to Unknown), in order. */
    private List<StoredObject> wentOut() {
        return nodeChanges.stream().filter(e -> ready(e.previous().tree())
                && condition(e.object().tree(), "Ready").path("status").asText().equals("Unknown"))
                .map(WatchEvent::object).toList();
    }

    private StoredObject cameBack(String name, long after) {
        return nodeChanges.stream().map(WatchEvent::object)
                .filter(n -> n.name().equals(name) && n.resourceVersion() > after && ready(n.tree()))
                .findFirst().orElse(null);
    }

    private Set<String> reasonsFor(String node) {
        return cluster.store().all(ResourceCatalog.EVENTS, "default").stream()
                .map(StoredObject::tree).filter(e -> e.path("involvedObject").path("name").asText().equals(node))
                .map(e -> e.path("reason").asText()).collect(Collectors.toSet());
    }

    private static JsonNode condition(JsonNode node, String type) {
        for (JsonNode c : node.path("status").path("conditions")) {
            if (c.path("type").asText().equals(type)) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static boolean ready(JsonNode node) {
        return condition(node, "Ready").path("status").asText().equals("True");
    }

    private static boolean cordoned(JsonNode node) {
        return node.path("spec").path("unschedulable").asBoolean(false);
    }

    private static List<String> unreachableTaints(JsonNode node) {
        List<String> effects = new java.util.ArrayList<>();
        for (JsonNode t : node.path("spec").path("taints")) {
            if (Objects.equals(t.path("key").asText(), UNREACHABLE)) {
                effects.add(t.path("effect").asText());
            }
        }
        return effects;
    }
}
