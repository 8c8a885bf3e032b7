package io.fleetdeck.core.capacity;

import io.fleetdeck.core.capacity.PendingSessions.PendingSession;
import io.fleetdeck.core.capacity.PendingSessions.Reason;
import io.fleetdeck.core.capacity.SchedulerMessage.Kind;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.PodPhase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PendingSessionsTest {
    private static final String GPU = FleetLabels.GPU_RESOURCE;
    private static final Map<String, String> ARM = Map.of(FleetLabels.ARCH, "arm64");

    private static PodInfo unschedulable(String message, Map<String, String> selector) {
        return Fixtures.pending("u", Map.of(GPU, 1L), selector, "Unschedulable", message);
    }

    @Test
    void parsesTheSchedulerMessageWithCounts() {
        SchedulerMessage m = SchedulerMessage.parse("0/5000 nodes are available: 3 Insufficient nvidia.com/gpu, "
                + "2 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable. preemption: "
                + "0/5000 nodes are available: 3 No preemption victims found for incoming pod, 2 Preemption is not "
                + "helpful for scheduling.");
        assertThat(m.available()).isZero();
        assertThat(m.total()).isEqualTo(5000);
        assertThat(m.causes()).extracting(SchedulerMessage.Cause::nodes, SchedulerMessage.Cause::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, Kind.INSUFFICIENT_ACCELERATOR),
                        org.assertj.core.groups.Tuple.tuple(2, Kind.SELECTOR_MISMATCH),
                        org.assertj.core.groups.Tuple.tuple(1, Kind.UNSCHEDULABLE));
        assertThat(m.causes().getFirst().resource()).isEqualTo(GPU);
        assertThat(m.count(Kind.OTHER)).isZero();
    }

    @Test
    void parsesOlderAndOddVariants() {
        SchedulerMessage old = SchedulerMessage.parse(
                "0/3 nodes are available: 1 node(s) had taint {node.kubernetes.io/not-ready: }, that the pod didn't "
                        + "tolerate, 2 node(s) didn't match node selector.");
        assertThat(old.total()).isEqualTo(3);
        assertThat(old.count(Kind.SELECTOR_MISMATCH)).isEqualTo(2);
        assertThat(old.count(Kind.OTHER)).isEqualTo(1);
        SchedulerMessage mixed = SchedulerMessage.parse("0/4 nodes are available: 1 Insufficient cpu, 1 Too many "
                + "pods, 1 node(s) had untolerated taint {node.kubernetes.io/unschedulable: }, 1 Insufficient "
                + "nvidia.com/gpu.shared.");
        assertThat(mixed.count(Kind.INSUFFICIENT_OTHER)).isEqualTo(2);
        assertThat(mixed.count(Kind.UNSCHEDULABLE)).isEqualTo(1);
        assertThat(mixed.causes().getLast().resource()).isEqualTo(FleetLabels.GPU_SHARED_RESOURCE);
        assertThat(SchedulerMessage.parse(null).causes()).isEmpty();
        assertThat(SchedulerMessage.parse("no nodes available to schedule pods").total()).isEqualTo(-1);
    }

    @Test
    void noFreeSliceWinsWhenItDominates() {
        PendingSession p = PendingSessions.classify(unschedulable("0/5000 nodes are available: 3 Insufficient "
                + "nvidia.com/gpu, 2 node(s) didn't match Pod's node affinity/selector, 1 node(s) were unschedulable."
                + " preemption: 0/5000 nodes are available: 3 No preemption victims found for incoming pod.", ARM));
        assertThat(p.reason()).isEqualTo(Reason.NO_FREE_SLICE);
        assertThat(p.message()).isEqualTo(
                "no free nvidia.com/gpu on 3 of 5000 nodes (2 more don't match kubernetes.io/arch=arm64)");
        assertThat(p.resource()).isEqualTo(GPU);
        assertThat(p.amount()).isEqualTo(1);
    }

    @Test
    void selectorMismatchExcludesNodesBeforeTheDominantCauseIsChosen() {
        PendingSession p = PendingSessions.classify(unschedulable("0/5000 nodes are available: 4990 node(s) didn't"
                + " match Pod's node affinity/selector, 10 Insufficient nvidia.com/gpu.", ARM));
        assertThat(p.reason()).isEqualTo(Reason.NO_FREE_SLICE);
    }

    @Test
    void archMismatchWhenNoNodeMatches() {
        PendingSession p = PendingSessions.classify(unschedulable(
                "0/5000 nodes are available: 5000 node(s) didn't match Pod's node affinity/selector. preemption: "
                        + "0/5000 nodes are available: 5000 Preemption is not helpful for scheduling.", ARM));
        assertThat(p.reason()).isEqualTo(Reason.ARCH_MISMATCH);
        assertThat(p.message()).isEqualTo("5000 of 5000 nodes don't match kubernetes.io/arch=arm64");
    }

    @Test
    void cordonedCandidates() {
        PendingSession p = PendingSessions.classify(unschedulable("0/10 nodes are available: 8 node(s) didn't "
                + "match Pod's node affinity/selector, 2 node(s) were unschedulable.", ARM));
        assertThat(p.reason()).isEqualTo(Reason.ALL_CANDIDATES_CORDONED);
        assertThat(p.message()).startsWith("2 of 10 nodes are cordoned");
    }

    @Test
    void otherCausesAndNotYetScheduled() {
        PendingSession taint = PendingSessions.classify(unschedulable("0/3 nodes are available: 3 node(s) had "
                + "untolerated taint {dedicated: video}. preemption: 0/3 nodes are available.", Map.of()));
        assertThat(taint.reason()).isEqualTo(Reason.OTHER);
        assertThat(taint.message()).contains("untolerated taint {dedicated: video}");

        PendingSession fresh = PendingSessions.classify(Fixtures.pendingGpu("f", Map.of()));
        assertThat(fresh.reason()).isEqualTo(Reason.NOT_YET_SCHEDULED);

        PendingSession odd = PendingSessions.classify(unschedulable("no nodes available to schedule pods", Map.of()));
        assertThat(odd.reason()).isEqualTo(Reason.OTHER);
        assertThat(odd.message()).isEqualTo("no nodes available to schedule pods");
    }

    @Test
    void fpgaPodReportsItsFpgaResource() {
        PodInfo pod = Fixtures.pending("f", Map.of("fpga.accelerator.vendorX", 2L), Map.of(), "Unschedulable",
                "0/2 nodes are available: 2 Insufficient fpga.accelerator.vendorX.");
        PendingSession p = PendingSessions.classify(pod);
        assertThat(p.reason()).isEqualTo(Reason.NO_FREE_SLICE);
        assertThat(p.resource()).isEqualTo("fpga.accelerator.vendorX");
        assertThat(p.amount()).isEqualTo(2);
    }

    @Test
    void analyseKeepsOnlyPendingSessionsOldestFirst() {
        PodInfo later = new PodInfo("b", "s", "b", null, PodPhase.PENDING, false, "ReplicaSet", "x", Map.of(GPU, 1L),
                "ch", null, 25, Instant.ofEpochSecond(10), null, null, 0, false, Map.of());
        PodInfo earlier = Fixtures.pendingGpu("a", Map.of());
        PodInfo bound = Fixtures.session("c", "n", GPU, 1, false);
        PodInfo notSession = new PodInfo("d", "s", "d", null, PodPhase.PENDING, false, "ReplicaSet", "x",
                Map.of(GPU, 1L), null, null, 0, Instant.EPOCH, null, null, 0, false, Map.of());
        PodInfo failed = new PodInfo("e", "s", "e", null, PodPhase.FAILED, false, "ReplicaSet", "x",
                Map.of(GPU, 1L), "ch", null, 0, Instant.EPOCH, null, null, 0, false, Map.of());
        assertThat(PendingSessions.analyse(List.of(later, bound, notSession, failed, earlier)))
                .extracting(s -> s.pod().uid()).containsExactly("a", "b");
    }

    @Test
    void demandSumsSlicesPerResourceAndSelector() {
        List<PodInfo> pending = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pending.add(Fixtures.pendingGpu("arm" + i, ARM));
        }
        pending.add(Fixtures.pending("two", Map.of(GPU, 2L), Map.of(), null, null));
        pending.add(Fixtures.pendingGpu("any", Map.of()));
        pending.add(Fixtures.pending("f", Map.of("fpga.accelerator.vendorX", 1L),
                Map.of(FleetLabels.NODEPOOL, "fpga", FleetLabels.ARCH, "amd64"), null, null));
        pending.add(Fixtures.session("bound", "n", GPU, 1, false));
        List<PendingSessions.Demand> demand = PendingSessions.demand(pending);
        assertThat(demand).extracting(PendingSessions.Demand::text).containsExactly(
                "12 × nvidia.com/gpu with kubernetes.io/arch=arm64",
                "3 × nvidia.com/gpu on any node",
                "1 × fpga.accelerator.vendorX with karpenter.sh/nodepool=fpga,kubernetes.io/arch=amd64");
        assertThat(demand.get(1).pods()).isEqualTo(2);
    }
}
