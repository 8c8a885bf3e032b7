package io.fleetdeck.core.store;

import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.PodPhase;
import io.fleetdeck.core.model.TestNodes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's figures the capacity ledger reads: reservations of terminating pods and the pending index. */
class FleetStoreCapacityTest {
    private static final String FPGA = "fpga.accelerator.vendorX";
    private final FleetStore store = new FleetStore(AcceleratorPatterns.defaults());

    private static FleetChange up(EncoderNode n) {
        return new FleetChange.NodeUpserted(n);
    }

    private static FleetChange up(PodInfo p) {
        return new FleetChange.PodUpserted(p);
    }

    private static PodInfo with(PodInfo p, String node, PodPhase phase, boolean terminating, Instant created) {
        return new PodInfo(p.uid(), p.namespace(), p.name(), node, phase, terminating, p.ownerKind(), p.ownerName(),
                p.acceleratorRequests(), p.streamName(), null, 25, created, null, null, 0, false, p.nodeSelector());
    }

    @Test
    void terminatingPodsCountAsReservedUntilGone() {
        PodInfo s = TestNodes.session("s", "g1", FleetLabels.GPU_RESOURCE, 2);
        store.apply(List.of(up(TestNodes.gpuNode("g1", "Tesla-T4", 1, 28)), up(s),
                up(TestNodes.session("t", "g1", FleetLabels.GPU_RESOURCE, 1))));
        assertThat(store.summary("g1").slicesReserved()).isZero();

        store.apply(List.of(up(with(s, "g1", PodPhase.RUNNING, true, Instant.EPOCH))));
        NodeSummary during = store.summary("g1");
        assertThat(during.slicesUsed()).isEqualTo(3);
        assertThat(during.slicesReserved()).isEqualTo(2);

        store.apply(List.of(up(with(s, "g1", PodPhase.SUCCEEDED, true, Instant.EPOCH))));
        assertThat(store.summary("g1").slicesReserved()).isZero();
        assertThat(store.summary("g1").slicesUsed()).isEqualTo(1);
    }

    @Test
    void fpgaReservationsAreSeparate() {
        EncoderNode f = TestNodes.node("f1", Map.of(), Map.of(FPGA, "4"), false, "True");
        PodInfo p = TestNodes.session("p", "f1", FPGA, 1);
        store.apply(List.of(up(f), up(with(p, "f1", PodPhase.RUNNING, true, Instant.EPOCH))));
        NodeSummary s = store.takeDelta().changed().getFirst();
        assertThat(s.fpgaReserved()).isEqualTo(1);
        assertThat(s.slicesReserved()).isZero();
        store.apply(List.of(new FleetChange.PodDeleted("p")));
        assertThat(store.summary("f1").fpgaReserved()).isZero();
    }

    @Test
    void pendingPodsComeFromAnIndexOldestFirst() {
        PodInfo a = with(TestNodes.pending("a", FleetLabels.GPU_RESOURCE), null, PodPhase.PENDING, false,
                Instant.ofEpochSecond(20));
        PodInfo b = with(TestNodes.pending("b", FleetLabels.GPU_RESOURCE), null, PodPhase.PENDING, false,
                Instant.ofEpochSecond(10));
        store.apply(List.of(up(TestNodes.gpuNode("g1", "Tesla-T4", 1, 28)), up(a), up(b)));
        assertThat(store.pendingPods()).extracting(PodInfo::uid).containsExactly("b", "a");
        assertThat(store.pendingPods()).hasSize(store.takeDelta().totals().pendingPods());

        store.apply(List.of(up(with(a, "g1", PodPhase.RUNNING, false, a.created()))));
        assertThat(store.pendingPods()).extracting(PodInfo::uid).containsExactly("b");
        store.apply(List.of(up(with(b, null, PodPhase.FAILED, false, b.created()))));
        assertThat(store.pendingPods()).isEmpty();
        store.apply(List.of(up(b), new FleetChange.PodDeleted("b")));
        assertThat(store.pendingPods()).isEmpty();
        assertThat(store.takeDelta().totals().pendingPods()).isZero();
    }

    @Test
    void oldConstructorStillBuildsASummaryWithoutReservations() {
        NodeSummary s = store.summary("missing");
        assertThat(s).isNull();
        EncoderNode n = TestNodes.gpuNode("g", "Tesla-T4", 1, 28);
        NodeSummary legacy = new NodeSummary(n, io.fleetdeck.core.model.NodeState.READY, "Tesla-T4", 1, 28,
                FleetLabels.GPU_RESOURCE, 28, 3, null, 0, 0, 0, 3, 3, 110, "", "");
        assertThat(legacy.slicesReserved()).isZero();
        assertThat(legacy.fpgaReserved()).isZero();
    }
}
