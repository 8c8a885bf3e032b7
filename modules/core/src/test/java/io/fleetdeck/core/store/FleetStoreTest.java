package io.fleetdeck.core.store;

import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.PodPhase;
import io.fleetdeck.core.model.TestNodes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FleetStoreTest {
    private final FleetStore store = new FleetStore(AcceleratorPatterns.defaults());

    private static FleetChange up(EncoderNode n) {
        return new FleetChange.NodeUpserted(n);
    }

    private static FleetChange up(PodInfo p) {
        return new FleetChange.PodUpserted(p);
    }

    @Test
    void slicesAndSessionsFollowPodsIncrementally() {
        store.apply(List.of(up(TestNodes.gpuNode("g1", "Tesla-T4", 1, 28)),
                up(TestNodes.session("p1", "g1", FleetLabels.GPU_RESOURCE, 1)),
                up(TestNodes.session("p2", "g1", FleetLabels.GPU_RESOURCE, 1))));
        NodeSummary s = store.takeDelta().changed().getFirst();
        assertThat(s.gpuProduct()).isEqualTo("Tesla-T4");
        assertThat(s.slicesTotal()).isEqualTo(28);
        assertThat(s.slicesUsed()).isEqualTo(2);
        assertThat(s.sessions()).isEqualTo(2);
        assertThat(s.slicesText()).isEqualTo("2/28");
        assertThat(s.acceleratorText()).isEqualTo("Tesla-T4 × 1");

        store.apply(List.of(new FleetChange.PodDeleted("p1")));
        FleetDelta d = store.takeDelta();
        assertThat(d.changed()).extracting(NodeSummary::slicesUsed).containsExactly(1L);
        assertThat(d.totals().sessions()).isEqualTo(1);
    }

    @Test
    void onlyTheNodeOfAChangedPodIsRecomputed() {
        store.apply(List.of(up(TestNodes.gpuNode("g1", "Tesla-T4", 1, 28)),
                up(TestNodes.gpuNode("g2", "NVIDIA-A10G", 1, 31))));
        store.takeDelta();
        store.apply(List.of(up(TestNodes.session("p1", "g2", FleetLabels.GPU_RESOURCE, 1))));
        assertThat(store.takeDelta().changed()).extracting(NodeSummary::name).containsExactly("g2");
        assertThat(store.takeDelta().isEmpty()).isTrue();
    }

    @Test
    void terminatedPodsReleaseTheirSlices() {
        store.apply(List.of(up(TestNodes.gpuNode("g1", "Tesla-T4", 1, 28)),
                up(TestNodes.session("p1", "g1", FleetLabels.GPU_RESOURCE, 1))));
        store.takeDelta();
        PodInfo p = TestNodes.session("p1", "g1", FleetLabels.GPU_RESOURCE, 1);
        PodInfo done = new PodInfo(p.uid(), p.namespace(), p.name(), p.nodeName(), PodPhase.SUCCEEDED, false,
                p.ownerKind(), p.ownerName(), p.acceleratorRequests(), p.streamName(), null, 25, p.created(), null,
                null, 0, false, Map.of());
        store.apply(List.of(up(done)));
        assertThat(store.takeDelta().changed().getFirst().slicesUsed()).isZero();
    }

    @Test
    void podsArrivingBeforeTheirNodeAreCounted() {
        store.apply(List.of(up(TestNodes.session("p1", "late", FleetLabels.GPU_RESOURCE, 1))));
        assertThat(store.takeDelta().changed()).isEmpty();
        store.apply(List.of(up(TestNodes.gpuNode("late", "Tesla-T4", 1, 28))));
        assertThat(store.takeDelta().changed().getFirst().slicesUsed()).isEqualTo(1);
    }

    @Test
    void renamedSharedResourceAndFpgaPatterns() {
        EncoderNode renamed = TestNodes.node("r1", Map.of(FleetLabels.GPU_PRODUCT, "Tesla-T4-SHARED",
                FleetLabels.GPU_COUNT, "2", FleetLabels.GPU_REPLICAS, "10"),
                Map.of(FleetLabels.GPU_SHARED_RESOURCE, "20"), false, "True");
        EncoderNode fpga = TestNodes.node("f1", Map.of(), Map.of("fpga.accelerator.vendorX", "2"), false, "True");
        store.apply(List.of(up(renamed), up(fpga),
                up(TestNodes.session("a", "r1", FleetLabels.GPU_SHARED_RESOURCE, 1)),
                up(TestNodes.session("b", "f1", "fpga.accelerator.vendorX", 1))));
        Map<String, NodeSummary> byName = byName(store.takeDelta());
        assertThat(byName.get("r1").sliceResource()).isEqualTo(FleetLabels.GPU_SHARED_RESOURCE);
        assertThat(byName.get("r1").slicesText()).isEqualTo("1/20");
        assertThat(byName.get("r1").gpuCount()).isEqualTo(2);
        assertThat(byName.get("f1").fpgaTotal()).isEqualTo(2);
        assertThat(byName.get("f1").fpgaUsed()).isEqualTo(1);
        assertThat(byName.get("f1").acceleratorText()).isEqualTo("FPGA × 2");
    }

    @Test
    void acceleratorLabelsWithoutAllocatableIsADriverProblem() {
        EncoderNode broken = TestNodes.node("b1", Map.of(FleetLabels.GPU_PRODUCT, "Tesla-T4-SHARED",
                FleetLabels.GPU_COUNT, "1"), Map.of(FleetLabels.GPU_RESOURCE, "0"), false, "True");
        EncoderNode fine = TestNodes.gpuNode("ok", "Tesla-T4", 1, 28);
        EncoderNode plain = TestNodes.node("cpu", Map.of(), Map.of("cpu", "8"), false, "True");
        store.apply(List.of(up(broken), up(fine), up(plain)));
        Map<String, NodeSummary> byName = byName(store.takeDelta());
        assertThat(byName.get("b1").driverProblem()).contains("GPU driver not loaded").contains("6.6.60-flatcar");
        assertThat(byName.get("ok").driverProblem()).isEmpty();
        assertThat(byName.get("cpu").driverProblem()).isEmpty();
        assertThat(byName.get("cpu").slicesText()).isEmpty();
    }

    @Test
    void deletedNodesAreReportedOnceAndPendingPodsCounted() {
        store.apply(List.of(up(TestNodes.gpuNode("g1", "Tesla-T4", 1, 28)),
                up(TestNodes.pending("x", FleetLabels.GPU_RESOURCE))));
        assertThat(store.takeDelta().totals().pendingPods()).isEqualTo(1);
        store.apply(List.of(new FleetChange.NodeDeleted("g1")));
        FleetDelta d = store.takeDelta();
        assertThat(d.removed()).containsExactly("g1");
        assertThat(d.totals().nodes()).isZero();
        assertThat(store.takeDelta().removed()).isEmpty();
    }

    @Test
    void pendingPodsComeWithTheDeltaOnlyWhenTheyChanged() {
        store.apply(List.of(up(TestNodes.gpuNode("g1", "Tesla-T4", 1, 28)),
                up(TestNodes.pending("x", FleetLabels.GPU_RESOURCE))));
        FleetDelta first = store.takeDelta();
        assertThat(first.pending()).extracting(PodInfo::uid).containsExactly("x");
        store.apply(List.of(up(TestNodes.session("s", "g1", FleetLabels.GPU_RESOURCE, 1))));
        assertThat(store.takeDelta().pendingChanged()).isFalse();
        store.apply(List.of(up(TestNodes.session("x", "g1", FleetLabels.GPU_RESOURCE, 1))));
        assertThat(store.takeDelta().pending()).isEmpty();
    }

    @Test
    void previewablePodsAreIndexed() {
        PodInfo s = TestNodes.session("s", "g1", FleetLabels.GPU_RESOURCE, 1);
        PodInfo withUrl = new PodInfo("p", s.namespace(), "enc-p", "g1", PodPhase.RUNNING, false, "ReplicaSet", "enc",
                s.acceleratorRequests(), "alpha", "udp://127.0.0.1:5004", 25, s.created(), null, null, 0, false,
                Map.of());
        store.apply(List.of(up(TestNodes.gpuNode("g1", "Tesla-T4", 1, 28)), up(s), up(withUrl)));
        assertThat(store.previewablePods()).extracting(PodInfo::uid).containsExactly("p");
        assertThat(store.takeDelta().previewable()).extracting(PodInfo::uid).containsExactly("p");
        store.apply(List.of(up(TestNodes.session("other", "g1", FleetLabels.GPU_RESOURCE, 1))));
        assertThat(store.takeDelta().previewableChanged()).isFalse();
        store.apply(List.of(new FleetChange.PodDeleted("p")));
        assertThat(store.previewablePods()).isEmpty();
        assertThat(store.takeDelta().previewable()).isEmpty();
    }

    @Test
    void podsOnNodeListsSessionsFirst() {
        store.apply(List.of(up(TestNodes.gpuNode("g1", "Tesla-T4", 1, 28)),
                up(TestNodes.session("s", "g1", FleetLabels.GPU_RESOURCE, 1)),
                up(new PodInfo("d", "monitoring", "dcgm-exporter-abc", "g1", PodPhase.RUNNING, false, "DaemonSet",
                        "dcgm-exporter", Map.of(), null, null, 0, java.time.Instant.EPOCH, null, null, 0, false, Map.of()))));
        assertThat(store.podsOn("g1")).extracting(PodInfo::uid).containsExactly("s", "d");
        assertThat(store.podsOn("nope")).isEmpty();
    }

    private static Map<String, NodeSummary> byName(FleetDelta d) {
        return d.changed().stream().collect(java.util.stream.Collectors.toMap(NodeSummary::name, s -> s));
    }
}
