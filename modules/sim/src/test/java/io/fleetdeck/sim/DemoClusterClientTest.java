package io.fleetdeck.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fabric8 client (what FleetDeck uses) against a running demo fleet. */
class DemoClusterClientTest {
    private static DemoCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults());
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void nodesCarryTheFleetLabelsAndOneGpuNodeHasADriverMismatch() {
        List<Node> nodes = client.nodes().list().getItems();
        assertThat(nodes).hasSize(60);
        assertThat(nodes).extracting(n -> n.getMetadata().getLabels().get("karpenter.sh/nodepool"))
                .contains("gpu-t4", "gpu-a10g", "gpu-arm", "fpga");
        assertThat(nodes).anySatisfy(n -> {
            assertThat(n.getMetadata().getLabels()).containsEntry("nvidia.com/gpu.product", "Tesla-T4-SHARED");
            assertThat(n.getStatus().getAllocatable().get("nvidia.com/gpu")).isEqualTo(new Quantity("0"));
            assertThat(n.getStatus().getCapacity().get("nvidia.com/gpu")).isNotEqualTo(new Quantity("0"));
        });
        assertThat(nodes).anySatisfy(n ->
                assertThat(n.getStatus().getAllocatable().get("fpga.accelerator.vendorX")).isEqualTo(new Quantity("0")));
        assertThat(client.configMaps().inNamespace("nvidia-device-plugin").withName("time-slicing-config").get()
                .getData()).containsKeys("t4-28", "a10g-31");
        assertThat(client.genericKubernetesResources("karpenter.sh/v1", "NodeClaim").list().getItems()).hasSize(60);
    }

    @Test
    void podsOfANodeByFieldSelector() {
        Pod session = client.pods().inNamespace("streaming").withLabel("app", "live-1080p-a10g").list().getItems().stream()
                .filter(p -> p.getSpec().getNodeName() != null).findFirst().orElseThrow();
        String node = session.getSpec().getNodeName();
        PodList onNode = client.pods().inAnyNamespace().withField("spec.nodeName", node).list();
        assertThat(onNode.getItems()).isNotEmpty().allMatch(p -> node.equals(p.getSpec().getNodeName()));
        assertThat(onNode.getItems()).anyMatch(p -> p.getMetadata().getName().startsWith("dcgm-exporter-"));
        assertThat(client.pods().inAnyNamespace().withField("status.phase", "Pending").list().getItems().stream()
                .filter(p -> p.getSpec().getNodeName() == null).toList())
                .isNotEmpty().allMatch(p -> p.getStatus().getConditions().stream()
                        .anyMatch(c -> c.getType().equals("PodScheduled") && "Unschedulable".equals(c.getReason())));
    }

    @Test
    void evictionIsRefusedWhileTheBudgetIsSpentThenAllowed() throws InterruptedException {
        Deployment d = new DeploymentBuilder().withNewMetadata().withName("evict-test").endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "evict-test").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "evict-test").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                .endTemplate().endSpec().build();
        client.apps().deployments().inNamespace("streaming").resource(d).create();
        client.policy().v1().podDisruptionBudget().inNamespace("streaming").resource(new PodDisruptionBudgetBuilder()
                .withNewMetadata().withName("evict-test").endMetadata().withNewSpec().withMaxUnavailable(new IntOrString(1))
                .withNewSelector().addToMatchLabels("app", "evict-test").endSelector().endSpec().build()).create();
        await(Duration.ofSeconds(10), () -> running("evict-test").size() == 2);

        List<Pod> pods = running("evict-test");
        // fabric8 retries 429 with backoff by default; this client must see the first answer.
        try (KubernetesClient noRetry = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0).build()).build()) {
            assertThat(noRetry.pods().resource(pods.get(0)).evict()).isTrue();
            assertThat(noRetry.pods().resource(pods.get(1)).evict()).isFalse();
        }
        await(Duration.ofSeconds(10), () -> running("evict-test").size() == 2
                && running("evict-test").stream().noneMatch(p -> p.getMetadata().getName().equals(pods.get(0).getMetadata().getName())));
        assertThat(client.pods().resource(pods.get(1)).evict()).isTrue();
    }

    private static List<Pod> running(String app) {
        return client.pods().inNamespace("streaming").withLabel("app", app).list().getItems().stream()
                .filter(p -> "Running".equals(p.getStatus().getPhase()) && p.getMetadata().getDeletionTimestamp() == null)
                .toList();
    }

    @Test
    void scalingADeploymentChangesItsPods() throws InterruptedException {
        var deployment = client.apps().deployments().inNamespace("streaming").withName("live-2160p-fpga");
        int before = deployment.get().getSpec().getReplicas();
        deployment.scale(before - 3);
        assertThat(deployment.get().getSpec().getReplicas()).isEqualTo(before - 3);
        assertThat(deployment.get().getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        await(Duration.ofSeconds(10), () -> client.pods().inNamespace("streaming").withLabel("app", "live-2160p-fpga")
                .list().getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).count() == before - 3);
    }

    @Test
    void aWatchFromAResourceVersionSeesOnlyNewChanges() throws InterruptedException {
        PodList list = client.pods().inNamespace("monitoring").list();
        Pod target = list.getItems().getFirst();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch w = client.pods().inNamespace("monitoring").watch(
                new ListOptionsBuilder().withResourceVersion(list.getMetadata().getResourceVersion()).build(), new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Pod pod) {
                        events.add(action + " " + pod.getMetadata().getName());
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                })) {
            client.pods().inNamespace("monitoring").withName(target.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"touched\":\"yes\"}}}");
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("MODIFIED " + target.getMetadata().getName());
            assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void informersSyncAndChurnReachThem() throws Exception {
        SharedIndexInformer<Pod> informer = client.pods().inNamespace("streaming").inform();
        try {
            await(Duration.ofSeconds(10), informer::hasSynced);
            assertThat(informer.getStore().list()).hasSizeGreaterThan(500);
            try (AutoCloseable churn = cluster.startPodChurn(200)) {
                await(Duration.ofSeconds(5), () -> informer.getStore().list().stream()
                        .filter(p -> p.getMetadata().getAnnotations() != null
                                && p.getMetadata().getAnnotations().containsKey("fleetdeck.io/churn-at")).count() >= 20);
            }
        } finally {
            informer.close();
        }
    }

    @Test
    void logsAreEncoderLines() {
        Pod session = running("live-1080p-t4").getFirst();
        String log = client.pods().inNamespace("streaming").withName(session.getMetadata().getName()).tailingLines(5).getLog();
        assertThat(log.lines()).hasSize(5).allMatch(l -> l.contains("fps="));
    }
}
