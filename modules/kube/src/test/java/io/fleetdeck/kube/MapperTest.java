package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.PodPhase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MapperTest {
    private final PodMapper mapper = new PodMapper(AcceleratorPatterns.defaults());

    private static Container container(Map<String, String> requests, Map<String, String> limits) {
        ContainerBuilder b = new ContainerBuilder().withName("c").withNewResources().endResources();
        requests.forEach((k, v) -> b.editResources().addToRequests(k, new Quantity(v)).endResources());
        limits.forEach((k, v) -> b.editResources().addToLimits(k, new Quantity(v)).endResources());
        return b.build();
    }

    private static PodBuilder pod() {
        return new PodBuilder().withNewMetadata().withUid("u1").withNamespace("ns").withName("p").endMetadata()
                .withNewSpec().endSpec().withNewStatus().endStatus();
    }

    @Test
    void requestsWinOverLimitsAndLimitsFillIn() {
        Pod p = pod().editSpec()
                .addToContainers(container(Map.of("nvidia.com/gpu", "1", "cpu", "2"), Map.of("nvidia.com/gpu", "3")))
                .addToContainers(container(Map.of(), Map.of("nvidia.com/gpu", "2")))
                .endSpec().build();
        assertThat(mapper.toPodInfo(p).acceleratorRequests()).containsExactly(Map.entry("nvidia.com/gpu", 3L));
    }

    @Test
    void initContainersRaiseTheMaximumOnly() {
        Pod p = pod().editSpec()
                .addToContainers(container(Map.of("nvidia.com/gpu", "1"), Map.of()))
                .addToContainers(container(Map.of("nvidia.com/gpu", "1"), Map.of()))
                .addToInitContainers(container(Map.of("nvidia.com/gpu", "4"), Map.of()))
                .addToInitContainers(container(Map.of("fpga.accelerator.vendorX", "1"), Map.of()))
                .endSpec().build();
        assertThat(mapper.toPodInfo(p).acceleratorRequests())
                .containsOnly(Map.entry("nvidia.com/gpu", 4L), Map.entry("fpga.accelerator.vendorX", 1L));

        Pod small = pod().editSpec()
                .addToContainers(container(Map.of("nvidia.com/gpu", "3"), Map.of()))
                .addToInitContainers(container(Map.of("nvidia.com/gpu", "1"), Map.of()))
                .endSpec().build();
        assertThat(mapper.toPodInfo(small).request("nvidia.com/gpu")).isEqualTo(3);
    }

    @Test
    void renamedSharedGpuAndFpgaPatternCountOthersDoNot() {
        Pod p = pod().editSpec()
                .addToContainers(container(Map.of("nvidia.com/gpu.shared", "2", "fpga.accelerator.vendorX", "1",
                        "example.com/dongle", "1", "memory", "1Gi"), Map.of()))
                .endSpec().build();
        assertThat(mapper.toPodInfo(p).acceleratorRequests()).containsOnly(
                Map.entry("nvidia.com/gpu.shared", 2L), Map.entry("fpga.accelerator.vendorX", 1L));

        PodMapper custom = new PodMapper(new AcceleratorPatterns(java.util.List.of("example.com/*")));
        assertThat(custom.toPodInfo(p).acceleratorRequests()).containsKeys("example.com/dongle", "nvidia.com/gpu.shared")
                .doesNotContainKey("fpga.accelerator.vendorX");
    }

    @Test
    void annotationsOwnerPendingRestartsAndMirror() {
        Pod p = pod().editMetadata()
                .addToAnnotations("fleetdeck.io/stream", "ch-7")
                .addToAnnotations("fleetdeck.io/preview-url", "srt://10.0.0.7:9000")
                .addToAnnotations("fleetdeck.io/target-fps", "sixty")
                .addToAnnotations("kubernetes.io/config.mirror", "abc")
                .withCreationTimestamp("2026-03-01T10:00:00Z")
                .withDeletionTimestamp("2026-03-01T11:00:00Z")
                .addNewOwnerReference().withKind("ReplicaSet").withName("other").withController(false).endOwnerReference()
                .addNewOwnerReference().withKind("DaemonSet").withName("agent").withController(true).endOwnerReference()
                .endMetadata()
                .editStatus().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.").endCondition()
                .addNewContainerStatus().withRestartCount(2).endContainerStatus()
                .addNewContainerStatus().withRestartCount(5).endContainerStatus()
                .endStatus().build();
        PodInfo info = mapper.toPodInfo(p);
        assertThat(info.streamName()).isEqualTo("ch-7");
        assertThat(info.previewUrl()).isEqualTo("srt://10.0.0.7:9000");
        assertThat(info.targetFps()).isZero();
        assertThat(info.mirror()).isTrue();
        assertThat(info.terminating()).isTrue();
        assertThat(info.ownerKind()).isEqualTo("DaemonSet");
        assertThat(info.ownerName()).isEqualTo("agent");
        assertThat(info.phase()).isEqualTo(PodPhase.PENDING);
        assertThat(info.pendingReason()).isEqualTo("Unschedulable");
        assertThat(info.pendingMessage()).contains("Insufficient nvidia.com/gpu");
        assertThat(info.restarts()).isEqualTo(7);
        assertThat(info.created()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(PodMapper.parseFps(" 30 ")).isEqualTo(30);
        assertThat(PodMapper.parseFps("-5")).isZero();
    }

    @Test
    void scheduledPodHasNoPendingReason() {
        Pod p = pod().editStatus().withPhase("Running").addNewCondition().withType("PodScheduled")
                .withStatus("True").endCondition().endStatus().build();
        PodInfo info = mapper.toPodInfo(p);
        assertThat(info.pendingReason()).isNull();
        assertThat(info.ownerKind()).isNull();
        assertThat(info.acceleratorRequests()).isEmpty();
    }

    @Test
    void nodeFields() {
        var n = Fixtures.node("gpu-1");
        n.getMetadata().setUid("n-uid");
        n.getMetadata().setCreationTimestamp("2026-01-01T00:00:00Z");
        n.getSpec().setUnschedulable(true);
        n.getMetadata().setAnnotations(new java.util.HashMap<>(Map.of("a", "b")));
        n.getMetadata().getAnnotations().put("null-valued", null);
        EncoderNode e = NodeMapper.toEncoderNode(n);
        assertThat(e.uid()).isEqualTo("n-uid");
        assertThat(e.name()).isEqualTo("gpu-1");
        assertThat(e.unschedulable()).isTrue();
        assertThat(e.instanceType()).isEqualTo("g4dn.xlarge");
        assertThat(e.annotations()).containsEntry("a", "b").containsEntry("null-valued", "");
        assertThat(e.taints()).singleElement().hasToString("nvidia.com/gpu=present:NoSchedule");
        assertThat(e.capacity()).containsEntry("memory", "16Gi").containsEntry("nvidia.com/gpu", "10");
        assertThat(e.allocatableCount("nvidia.com/gpu")).isEqualTo(10);
        assertThat(e.isReady()).isTrue();
        assertThat(e.conditions().getFirst().lastTransition()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(e.osImage()).startsWith("Flatcar");
        assertThat(e.kernelVersion()).isEqualTo("6.6.60");
        assertThat(e.kubeletVersion()).isEqualTo("v1.33.1");
        assertThat(e.containerRuntime()).isEqualTo("containerd://1.7.23");
        assertThat(e.created()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(e.deleting()).isFalse();
    }

    @Test
    void bareObjectsDoNotThrow() {
        assertThat(NodeMapper.toEncoderNode(new io.fabric8.kubernetes.api.model.Node()).unschedulable()).isFalse();
        assertThat(mapper.toPodInfo(new Pod()).phase()).isEqualTo(PodPhase.PENDING);
    }
}
