package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fleetdeck.core.cluster.ConnectionState;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetChange.NodeUpserted;
import io.fleetdeck.core.store.FleetChange.PodDeleted;
import io.fleetdeck.core.store.FleetChange.PodUpserted;
import io.fleetdeck.core.store.FleetSink.SyncedKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.fleetdeck.kube.RecordingSink.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway against the fabric8 mock API server in CRUD mode, opened through a kubeconfig file. */
class Fabric8ClusterGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private KubernetesMockServer server;
    private NamespacedKubernetesClient admin;
    private Fabric8ClusterGateway gateway;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void startCluster() throws Exception {
        server = MockClusters.crudServer();
        admin = server.createClient();
        for (int i = 0; i < 3; i++) {
            admin.nodes().resource(Fixtures.node("gpu-" + i)).create();
        }
        for (int i = 0; i < 5; i++) {
            admin.pods().inNamespace("streams").resource(Fixtures.pod("streams", "enc-" + i, "gpu-" + (i % 3))).create();
        }
        Path kubeconfig = MockClusters.kubeconfig(dir, MockClusters.url(server));
        gateway = Fabric8ClusterGateway.open(MockClusters.target(kubeconfig, "mock-ctx"), AcceleratorPatterns.defaults());
        gateway.start(sink);
        await(WAIT, () -> sink.hasSynced(SyncedKind.PODS), "pods synced");
    }

    @AfterEach
    void stopCluster() {
        if (gateway != null) {
            gateway.close();
        }
        admin.close();
        server.destroy();
    }

    @Test
    void nodesArriveAndSyncBeforePods() {
        int nodesSynced = sink.indexOf(c -> c.equals(new RecordingSink.Synced(SyncedKind.NODES)));
        int podsSynced = sink.indexOf(c -> c.equals(new RecordingSink.Synced(SyncedKind.PODS)));
        assertThat(nodesSynced).isGreaterThanOrEqualTo(0).isLessThan(podsSynced);
        List<String> nodesBeforeSync = sink.calls.subList(0, nodesSynced).stream()
                .filter(RecordingSink.Applied.class::isInstance)
                .flatMap(c -> ((RecordingSink.Applied) c).batch().stream())
                .filter(NodeUpserted.class::isInstance)
                .map(c -> ((NodeUpserted) c).node().name()).toList();
        assertThat(nodesBeforeSync).containsExactlyInAnyOrder("gpu-0", "gpu-1", "gpu-2");
        assertThat(sink.changes().stream().filter(PodUpserted.class::isInstance)).hasSize(5);
        PodUpserted first = (PodUpserted) sink.changes().stream().filter(PodUpserted.class::isInstance).findFirst().orElseThrow();
        assertThat(first.pod().request("nvidia.com/gpu")).isEqualTo(1);
        assertThat(sink.threads).containsOnly("fleetdeck-kube-pump");
        assertThat(gateway.serverUrl()).isEqualTo(MockClusters.url(server));
    }

    @Test
    void reportsLiveWhileWatching() {
        await(WAIT, () -> sink.calls.stream().anyMatch(c -> c instanceof RecordingSink.Connection s
                && s.status().state() == ConnectionState.LIVE && s.status().lastFresh() != null), "LIVE");
    }

    @Test
    void reportsReconnectingWithLastFreshWhenTheServerGoesAway() {
        await(WAIT, () -> lastStatus() != null && lastStatus().state() == ConnectionState.LIVE, "LIVE");
        server.shutdown();
        await(WAIT, () -> lastStatus().state() == ConnectionState.RECONNECTING, "RECONNECTING");
        assertThat(lastStatus().lastFresh()).isNotNull();
        assertThat(lastStatus().message()).contains("reconnecting");
    }

    private io.fleetdeck.core.cluster.ConnectionStatus lastStatus() {
        io.fleetdeck.core.cluster.ConnectionStatus last = null;
        for (RecordingSink.Call c : sink.calls) {
            if (c instanceof RecordingSink.Connection s) {
                last = s.status();
            }
        }
        return last;
    }

    @Test
    void cordonComesBackAsNodeUpdate() throws Exception {
        gateway.setCordoned("gpu-1", true);
        await(WAIT, () -> lastNode("gpu-1") != null && lastNode("gpu-1").node().unschedulable(), "cordoned gpu-1");
        assertThat(admin.nodes().withName("gpu-1").get().getSpec().getUnschedulable()).isTrue();

        gateway.setCordoned("gpu-1", false);
        await(WAIT, () -> !lastNode("gpu-1").node().unschedulable(), "uncordoned gpu-1");
    }

    @Test
    void cordonOfMissingNodeIsNotFound() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.fleetdeck.core.cluster.ClusterException.class,
                () -> gateway.setCordoned("gone-7", true));
        assertThat(e.kind()).isEqualTo(io.fleetdeck.core.cluster.ClusterException.Kind.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Node gone-7 no longer exists");
    }

    @Test
    void deletedPodArrivesAsPodDeleted() {
        Pod pod = admin.pods().inNamespace("streams").withName("enc-2").get();
        admin.pods().inNamespace("streams").withName("enc-2").delete();
        await(WAIT, () -> sink.changes().contains(new PodDeleted(pod.getMetadata().getUid())), "pod deleted");
    }

    @Test
    void quickUpdatesOfOnePodAreCoalesced() {
        String uid = admin.pods().inNamespace("streams").withName("enc-0").get().getMetadata().getUid();
        int before = upsertsOf(uid);
        int updates = 100;
        for (int i = 1; i <= updates; i++) {
            int n = i;
            admin.pods().inNamespace("streams").withName("enc-0")
                    .edit(p -> { p.getMetadata().getAnnotations().put("fleetdeck.io/target-fps", Integer.toString(n));
                        return p; });
        }
        await(WAIT, () -> lastPod(uid).targetFps() == updates, "last update");
        int changes = upsertsOf(uid) - before;
        assertThat(changes).isBetween(1, updates / 3);
    }

    @Test
    void configMapEditsUseOptimisticConcurrency() throws Exception {
        admin.configMaps().inNamespace("nvidia-device-plugin").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("time-slicing-config").addToLabels("app", "nvidia-device-plugin").endMetadata()
                .addToData("t4", "version: v1\n").build()).create();
        var read = gateway.readConfigMap("nvidia-device-plugin", "time-slicing-config");
        assertThat(read.data()).containsEntry("t4", "version: v1\n");

        var written = gateway.replaceConfigMapData(read.withData(java.util.Map.of("t4", "version: v1\n# edited\n")));
        assertThat(written.resourceVersion()).isNotEqualTo(read.resourceVersion());
        var stored = admin.configMaps().inNamespace("nvidia-device-plugin").withName("time-slicing-config").get();
        assertThat(stored.getData()).containsEntry("t4", "version: v1\n# edited\n");
        assertThat(stored.getMetadata().getLabels()).containsEntry("app", "nvidia-device-plugin");

        // A second edit from the stale read must not overwrite the first one.
        var stale = read.withData(java.util.Map.of("t4", "version: v1\n# stale\n"));
        var conflict = org.junit.jupiter.api.Assertions.assertThrows(io.fleetdeck.core.cluster.ClusterException.class,
                () -> gateway.replaceConfigMapData(stale));
        assertThat(conflict.kind()).isEqualTo(io.fleetdeck.core.cluster.ClusterException.Kind.CONFLICT);
        assertThat(conflict.getMessage()).contains("changed by someone else").contains("nothing was written");
        assertThat(admin.configMaps().inNamespace("nvidia-device-plugin").withName("time-slicing-config").get()
                .getData()).containsEntry("t4", "version: v1\n# edited\n");

        var missing = org.junit.jupiter.api.Assertions.assertThrows(io.fleetdeck.core.cluster.ClusterException.class,
                () -> gateway.readConfigMap("nvidia-device-plugin", "nope"));
        assertThat(missing.kind()).isEqualTo(io.fleetdeck.core.cluster.ClusterException.Kind.NOT_FOUND);
    }

    @Test
    void recordedActionIsAmongRecentEvents() throws Exception {
        gateway.recordAction(io.fleetdeck.core.cluster.ObjectRef.node("gpu-0"), "FleetDeckCordon", "Cordoned by alice for firmware flash");
        admin.v1().events().inNamespace("default").resource(new io.fabric8.kubernetes.api.model.EventBuilder()
                .withNewMetadata().withName("other.1").endMetadata()
                .withNewInvolvedObject().withKind("Node").withName("gpu-1").endInvolvedObject()
                .withReason("NodeNotReady").build()).create();

        List<ClusterEvent> events = gateway.recentEvents("gpu-0");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("FleetDeckCordon");
            assertThat(e.message()).isEqualTo("Cordoned by alice for firmware flash");
            assertThat(e.type()).isEqualTo("Normal");
            assertThat(e.objectKind()).isEqualTo("Node");
            assertThat(e.objectName()).isEqualTo("gpu-0");
            assertThat(e.source()).isEqualTo("fleetdeck");
            assertThat(e.count()).isEqualTo(1);
            assertThat(e.lastSeen()).isNotNull();
        });
        var stored = admin.v1().events().inNamespace("default").list().getItems().stream()
                .filter(e -> e.getMetadata().getName().startsWith("gpu-0.")).findFirst().orElseThrow();
        assertThat(stored.getInvolvedObject().getUid())
                .isEqualTo(admin.nodes().withName("gpu-0").get().getMetadata().getUid());
    }

    @Test
    void closeStopsDelivery() {
        gateway.close();
        int size = sink.calls.size();
        admin.nodes().resource(Fixtures.node("gpu-late")).create();
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(sink.calls).hasSize(size);
        gateway = null;
    }

    private NodeUpserted lastNode(String name) {
        NodeUpserted last = null;
        for (FleetChange c : sink.changes()) {
            if (c instanceof NodeUpserted n && n.node().name().equals(name)) {
                last = n;
            }
        }
        return last;
    }

    private io.fleetdeck.core.model.PodInfo lastPod(String uid) {
        io.fleetdeck.core.model.PodInfo last = null;
        for (FleetChange c : sink.changes()) {
            if (c instanceof PodUpserted p && p.pod().uid().equals(uid)) {
                last = p.pod();
            }
        }
        return last;
    }

    private int upsertsOf(String uid) {
        return (int) sink.changes().stream()
                .filter(c -> c instanceof PodUpserted p && p.pod().uid().equals(uid)).count();
    }
}
