package io.fleetdeck.sim;

import static io.fleetdeck.sim.DemoClusterClientTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fleetdeck.sim.control.AcceleratorCapacity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controller stand-ins on a small fleet: device plugin, scheduler, kubelet, PDB status, events. */
class ControllersTest {
    private static DemoCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        cluster = DemoCluster.start(DemoOptions.defaults().withNodes(12));
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @Test
    void editingTheTimeSlicingConfigChangesAdvertisedSlices() throws InterruptedException {
        client.configMaps().inNamespace(AcceleratorCapacity.CONFIG_NAMESPACE).withName(AcceleratorCapacity.CONFIG_NAME)
                .edit(cm -> {
                    cm.getData().put("a10g-31", AcceleratorCapacity.timeSlicingYaml(12));
                    return cm;
                });
        await(Duration.ofSeconds(5), () -> client.nodes().withLabel("karpenter.sh/nodepool", "gpu-a10g").list().getItems()
                .stream().allMatch(n -> new Quantity("12").equals(n.getStatus().getCapacity().get("nvidia.com/gpu"))));
        Node a10g = client.nodes().withLabel("karpenter.sh/nodepool", "gpu-a10g").list().getItems().getFirst();
        assertThat(a10g.getMetadata().getLabels()).containsEntry("nvidia.com/gpu.replicas", "12")
                .containsEntry("nvidia.com/gpu.product", "NVIDIA-A10G-SHARED");
    }

    @Test
    void schedulerPlacesOnFreeSlicesOfTheRightArchAndExplainsWhenItCannot() throws InterruptedException {
        Pod fits = client.pods().inNamespace("streaming").resource(session("fits", Map.of("kubernetes.io/arch", "amd64",
                "karpenter.sh/nodepool", "gpu-t4"))).create();
        Pod arm = client.pods().inNamespace("streaming").resource(session("no-room", Map.of("kubernetes.io/arch", "arm64")))
                .create();
        await(Duration.ofSeconds(5), () -> "Running".equals(phase(fits)));
        Pod placed = client.pods().resource(fits).get();
        Node node = client.nodes().withName(placed.getSpec().getNodeName()).get();
        assertThat(node.getMetadata().getLabels()).containsEntry("kubernetes.io/arch", "amd64");
        assertThat(node.getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
        assertThat(placed.getStatus().getContainerStatuses()).singleElement().satisfies(c -> assertThat(c.getReady()).isTrue());

        await(Duration.ofSeconds(5), () -> client.pods().resource(arm).get().getStatus().getConditions().stream()
                .anyMatch(c -> "Unschedulable".equals(c.getReason())));
        assertThat(client.pods().resource(arm).get().getStatus().getConditions().getFirst().getMessage())
                .matches("0/1[12] nodes are available: .*").contains("Insufficient nvidia.com/gpu");
        assertThat(client.v1().events().inNamespace("streaming").list().getItems())
                .anyMatch(e -> "Scheduled".equals(e.getReason()) && e.getInvolvedObject().getName().equals("fits"))
                .anyMatch(e -> "FailedScheduling".equals(e.getReason()));

        client.pods().resource(placed).delete();
        assertThat(client.pods().resource(placed).get().getMetadata().getDeletionTimestamp()).isNotNull();
        await(Duration.ofSeconds(5), () -> client.pods().resource(placed).get() == null);
    }

    @Test
    void disruptionBudgetsReportTheirStatus() throws InterruptedException {
        await(Duration.ofSeconds(5), () -> client.policy().v1().podDisruptionBudget().inNamespace("streaming")
                .withName("live-1080p-t4").get().getStatus() != null);
        var status = client.policy().v1().podDisruptionBudget().inNamespace("streaming").withName("live-1080p-t4").get()
                .getStatus();
        assertThat(status.getExpectedPods()).isPositive();
        assertThat(status.getDisruptionsAllowed()).isEqualTo(status.getCurrentHealthy() - status.getDesiredHealthy());
    }

    @Test
    void deletingANodeClaimDrainsAndRemovesItsNode() throws InterruptedException {
        var claims = client.genericKubernetesResources("karpenter.sh/v1", "NodeClaim");
        var claim = claims.list().getItems().stream()
                .filter(c -> cluster.store().podsOnNode(nodeOf(c)).size() == 1).findFirst().orElseThrow();
        String node = nodeOf(claim);
        Pod stray = client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("stray")
                .endMetadata().withNewSpec().withNodeName(node).addNewContainer().withName("c").withImage("busybox")
                .endContainer().endSpec().build()).create();

        claims.withName(claim.getMetadata().getName()).delete();
        assertThat(claims.withName(claim.getMetadata().getName()).get().getMetadata().getDeletionTimestamp()).isNotNull();
        await(Duration.ofSeconds(10), () -> claims.withName(claim.getMetadata().getName()).get() == null);
        assertThat(client.nodes().withName(node).get()).isNull();
        assertThat(client.pods().resource(stray).get()).isNull();
        assertThat(client.v1().events().inNamespace("default").list().getItems())
                .anyMatch(e -> "DisruptionTerminating".equals(e.getReason()));
    }

    @SuppressWarnings("unchecked")
    private static String nodeOf(io.fabric8.kubernetes.api.model.GenericKubernetesResource claim) {
        return ((Map<String, Object>) claim.getAdditionalProperties().get("status")).get("nodeName").toString();
    }

    private static String phase(Pod pod) {
        Pod p = client.pods().resource(pod).get();
        return p == null ? null : p.getStatus().getPhase();
    }

    private static Pod session(String name, Map<String, String> nodeSelector) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withNodeSelector(nodeSelector).addNewContainer().withName("encoder").withImage("registry.fleetdeck.io/encoder:2.4.1")
                .withNewResources().addToRequests("nvidia.com/gpu", new Quantity("1")).addToLimits("nvidia.com/gpu", new Quantity("1"))
                .endResources().endContainer().endSpec().build();
    }
}
