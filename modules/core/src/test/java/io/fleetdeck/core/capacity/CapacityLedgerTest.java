package io.fleetdeck.core.capacity;

import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapacityLedgerTest {
    private static final String GPU = FleetLabels.GPU_RESOURCE;
    private static final String FPGA = "fpga.accelerator.vendorX";

    private final DensityTargets targets = DensityTargets.defaults();
    private final CostTable costs = CostTable.defaults();

    private CapacityLedger ledger(Grouping g) {
        return new CapacityLedger(g, targets, costs);
    }

    @Test
    void sumsNodesPerGroupWithCostAndDensity() {
        EncoderNode t4 = Fixtures.gpu("t4", "Tesla-T4", 1, 28, "g4dn.2xlarge", "x86", "amd64");
        EncoderNode t4over = Fixtures.gpu("t4o", "Tesla-T4", 1, 40, "g4dn.2xlarge", "x86", "amd64");
        EncoderNode a10 = Fixtures.gpu("a10", "NVIDIA-A10G", 1, 10, "g5.2xlarge", "x86", "amd64");
        EncoderNode f = Fixtures.fpga("f", FPGA, 4, "vt1.3xlarge");
        List<PodInfo> pods = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pods.add(Fixtures.session("s" + i, "t4", GPU, 1, false));
        }
        for (int i = 0; i < 30; i++) {
            pods.add(Fixtures.session("o" + i, "t4o", GPU, 1, i < 2));
        }
        pods.add(Fixtures.session("fp", "f", FPGA, 1, false));
        List<NodeSummary> nodes = Fixtures.summaries(List.of(t4, t4over, a10, f), pods);

        CapacityLedger l = CapacityLedger.compute(nodes, List.of(), Grouping.PRODUCT, targets, costs);
        assertThat(l.rows()).extracting(CapacityRow::group)
                .containsExactly("FPGA " + FPGA, "NVIDIA-A10G", "Tesla-T4");
        CapacityRow t4row = l.rows().get(2);
        assertThat(t4row.nodes()).isEqualTo(2);
        assertThat(t4row.capacity()).isEqualTo(68);
        assertThat(t4row.used()).isEqualTo(50);
        assertThat(t4row.free()).isEqualTo(18);
        assertThat(t4row.reserved()).isEqualTo(2);
        assertThat(t4row.sessions()).isEqualTo(50);
        assertThat(t4row.dollarsPerHour()).isEqualTo(1.504, within(1e-9));
        assertThat(t4row.dollarsPerSessionHour()).isEqualTo(1.504 / 50, within(1e-9));
        assertThat(t4row.sessionsAtTarget()).isEqualTo(56);
        assertThat(t4row.oversubscribedNodes()).isEqualTo(1);
        assertThat(t4row.strandedNodes()).isZero();
        CapacityRow a10row = l.rows().get(1);
        assertThat(a10row.strandedNodes()).isEqualTo(1);
        assertThat(a10row.dollarsPerSessionHour()).isNaN();
        CapacityRow fpgaRow = l.rows().getFirst();
        assertThat(fpgaRow.capacity()).isEqualTo(4);
        assertThat(fpgaRow.used()).isEqualTo(1);
        assertThat(fpgaRow.sessionsAtTarget()).isZero();
        assertThat(fpgaRow.dollarsPerHour()).isEqualTo(0.65, within(1e-9));

        CapacityRow fleet = l.fleet();
        assertThat(fleet.group()).isEqualTo(CapacityLedger.FLEET);
        assertThat(fleet.nodes()).isEqualTo(4);
        assertThat(fleet.capacity()).isEqualTo(82);
        assertThat(fleet.used()).isEqualTo(51);
        assertThat(fleet.dollarsPerHour()).isEqualTo(0.752 * 2 + 1.212 + 0.65, within(1e-9));
    }

    @Test
    void unknownInstanceTypesAreLeftOutOfCostNotOfCapacity() {
        NodeSummary bare = Fixtures.summary(Fixtures.bareGpu("bare", 4),
                Fixtures.session("s", "bare", GPU, 1, false));
        NodeSummary t4 = Fixtures.summary(Fixtures.gpu("t4", "Tesla-T4", 1, 28, "g4dn.2xlarge", "x86", "amd64"),
                Fixtures.session("u", "t4", GPU, 1, false));
        CapacityLedger l = CapacityLedger.compute(List.of(bare, t4), List.of(), Grouping.ARCH, targets, costs);
        CapacityRow row = l.rows().getFirst();
        assertThat(row.capacity()).isEqualTo(32);
        assertThat(row.sessions()).isEqualTo(2);
        assertThat(row.pricedSessions()).isEqualTo(1);
        assertThat(row.dollarsPerSessionHour()).isEqualTo(0.752, within(1e-9));

        CapacityLedger onlyBare = CapacityLedger.compute(List.of(bare), List.of(), Grouping.ARCH, targets, costs);
        assertThat(onlyBare.fleet().dollarsPerHour()).isZero();
        assertThat(onlyBare.fleet().dollarsPerSessionHour()).isNaN();
    }

    @Test
    void freeNeverGoesBelowZero() {
        assertThat(CapacityRow.of("g", 1, 10, 12, 0, 0, 12, 0, 0, 0, 0, 0).free()).isZero();
        CapacityRow r = CapacityRow.of("g", 1, 10, 8, 1, 4, 8, 0, 0, 0, 0, 0);
        assertThat(r.isShortOfCapacity()).isTrue();
        assertThat(CapacityRow.of("g", 1, 10, 8, 1, 3, 8, 0, 0, 0, 0, 0).isShortOfCapacity()).isFalse();
    }

    @Test
    void pendingSessionsLandInTheGroupTheirSelectorNames() {
        NodeSummary arm = Fixtures.summary(Fixtures.gpu("arm", "NVIDIA-T4G", 1, 28, "g5g.2xlarge", "arm", "arm64"));
        CapacityLedger l = ledger(Grouping.ARCH);
        l.put(arm);
        l.putPending(Fixtures.pendingGpu("p1", Map.of(FleetLabels.ARCH, "arm64")));
        l.putPending(Fixtures.pending("p2", Map.of(GPU, 2L), Map.of(FleetLabels.ARCH, "arm64"), null, null));
        l.putPending(Fixtures.pendingGpu("p3", Map.of(FleetLabels.ARCH, "s390x")));
        l.putPending(Fixtures.pendingGpu("p4", Map.of()));
        assertThat(l.rows()).extracting(CapacityRow::group, CapacityRow::pending)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("arm64", 3L),
                        org.assertj.core.groups.Tuple.tuple("s390x", 1L),
                        org.assertj.core.groups.Tuple.tuple(Grouping.UNCONSTRAINED, 1L));
        assertThat(l.fleet().pending()).isEqualTo(5);

        l.removePending("p3");
        l.putPending(Fixtures.pendingGpu("p4", Map.of(FleetLabels.ARCH, "arm64")));
        assertThat(l.rows()).extracting(CapacityRow::group).containsExactly("arm64");
        assertThat(l.rows().getFirst().pending()).isEqualTo(4);
        // A pod that got bound passes through putPending and stops counting.
        l.putPending(Fixtures.session("p1", "arm", GPU, 1, false));
        assertThat(l.fleet().pending()).isEqualTo(3);
        l.removePending("nope");
        assertThat(l.fleet().pending()).isEqualTo(3);
    }

    @Test
    void putReplacesAndRemoveSubtracts() {
        EncoderNode n = Fixtures.gpu("n", "Tesla-T4", 1, 28, "g4dn.2xlarge", "x86", "amd64");
        CapacityLedger l = ledger(Grouping.NODEPOOL);
        l.put(Fixtures.summary(n));
        l.put(Fixtures.summary(n, Fixtures.session("a", "n", GPU, 1, false)));
        assertThat(l.fleet().used()).isEqualTo(1);
        assertThat(l.fleet().nodes()).isEqualTo(1);
        // Moving to another pool moves its figures with it.
        l.put(Fixtures.summary(Fixtures.withLabel(n, FleetLabels.NODEPOOL, "other")));
        assertThat(l.rows()).extracting(CapacityRow::group).containsExactly("other");
        l.remove("n");
        l.remove("n");
        assertThat(l.rows()).isEmpty();
        assertThat(l.fleet()).isEqualTo(CapacityRow.of(CapacityLedger.FLEET, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(Grouping.class)
    void incrementalEqualsFromScratchAfterRandomUpdates(Grouping grouping) {
        Random rnd = new Random(42 + grouping.ordinal());
        String[] products = {"Tesla-T4", "NVIDIA-T4G", "NVIDIA-A10G", "NVIDIA-L4"};
        String[] types = {"g4dn.2xlarge", "g5g.2xlarge", "g5.2xlarge", "x9.unknown"};
        String[] pools = {"a", "b", "c"};
        String[] arches = {"amd64", "arm64"};
        Map<String, NodeSummary> nodes = new HashMap<>();
        Map<String, PodInfo> pending = new HashMap<>();
        CapacityLedger incremental = ledger(grouping);
        for (int step = 0; step < 3000; step++) {
            int op = rnd.nextInt(10);
            String name = "n" + rnd.nextInt(40);
            if (op < 5) {
                EncoderNode node = rnd.nextInt(8) == 0 ? Fixtures.fpga(name, FPGA, 1 + rnd.nextInt(8), "vt1.3xlarge")
                        : Fixtures.gpu(name, products[rnd.nextInt(4)], 1 + rnd.nextInt(4), 1 + rnd.nextInt(45),
                        types[rnd.nextInt(4)], pools[rnd.nextInt(3)], arches[rnd.nextInt(2)]);
                String res = node.allocatable().containsKey(FPGA) ? FPGA : GPU;
                List<PodInfo> pods = new ArrayList<>();
                for (int i = rnd.nextInt(50); i > 0; i--) {
                    pods.add(Fixtures.session(name + "-" + i, name, res, 1, rnd.nextInt(10) == 0));
                }
                NodeSummary s = Fixtures.summaries(List.of(node), pods).getFirst();
                nodes.put(name, s);
                incremental.put(s);
            } else if (op < 7) {
                nodes.remove(name);
                incremental.remove(name);
            } else if (op < 9) {
                String uid = "p" + rnd.nextInt(60);
                Map<String, String> selector = switch (rnd.nextInt(3)) {
                    case 0 -> Map.of();
                    case 1 -> Map.of(FleetLabels.ARCH, arches[rnd.nextInt(2)]);
                    default -> Map.of(FleetLabels.NODEPOOL, pools[rnd.nextInt(3)],
                            FleetLabels.GPU_PRODUCT, products[rnd.nextInt(4)] + "-SHARED");
                };
                PodInfo p = Fixtures.pending(uid, Map.of(GPU, 1L + rnd.nextInt(2)), selector, null, null);
                pending.put(uid, p);
                incremental.putPending(p);
            } else {
                String uid = "p" + rnd.nextInt(60);
                pending.remove(uid);
                incremental.removePending(uid);
            }
            if (step % 500 == 499) {
                CapacityLedger scratch = CapacityLedger.compute(nodes.values(), pending.values(), grouping, targets,
                        costs);
                assertThat(incremental.rows()).isEqualTo(scratch.rows());
                assertThat(incremental.fleet()).isEqualTo(scratch.fleet());
            }
        }
        assertThat(incremental.fleet().nodes()).isEqualTo(nodes.size());
    }
}
