package io.fleetdeck.core.capacity;

import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetDelta;
import io.fleetdeck.core.store.FleetStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger fed the way the app feeds it: store deltas and the store's pending index, at fleet size. */
class CapacityLedgerFleetTest {
    private static final String GPU = FleetLabels.GPU_RESOURCE;
    private final DensityTargets targets = DensityTargets.defaults();
    private final CostTable costs = CostTable.defaults();

    @Test
    void followsStoreDeltasOfAFiveThousandNodeFleet() {
        FleetStore store = new FleetStore(AcceleratorPatterns.defaults());
        List<FleetChange> batch = new ArrayList<>();
        String[][] kinds = {{"Tesla-T4", "g4dn.2xlarge", "amd64"}, {"NVIDIA-T4G", "g5g.2xlarge", "arm64"},
                {"NVIDIA-A10G", "g5.2xlarge", "amd64"}};
        for (int i = 0; i < 5000; i++) {
            String[] k = kinds[i % 3];
            batch.add(new FleetChange.NodeUpserted(Fixtures.gpu("n" + i, k[0], 1, 28, k[1], "pool-" + k[2], k[2])));
            for (int s = 0; s < 10; s++) {
                batch.add(new FleetChange.PodUpserted(Fixtures.session("n" + i + "-" + s, "n" + i, GPU, 1, false)));
            }
        }
        store.apply(batch);
        CapacityLedger ledger = new CapacityLedger(Grouping.PRODUCT, targets, costs);
        ledger.apply(store.takeDelta());
        assertThat(ledger.fleet().nodes()).isEqualTo(5000);
        assertThat(ledger.fleet().sessions()).isEqualTo(50_000);
        assertThat(ledger.fleet().capacity()).isEqualTo(140_000);

        Random rnd = new Random(7);
        for (int round = 0; round < 20; round++) {
            List<FleetChange> changes = new ArrayList<>();
            for (int e = 0; e < 500; e++) {
                int node = rnd.nextInt(5000);
                String uid = "n" + node + "-" + rnd.nextInt(15);
                switch (rnd.nextInt(4)) {
                    case 0 -> changes.add(new FleetChange.PodDeleted(uid));
                    case 1 -> changes.add(new FleetChange.PodUpserted(Fixtures.session(uid, "n" + node, GPU, 1, true)));
                    case 2 -> changes.add(new FleetChange.PodUpserted(Fixtures.pendingGpu("p" + rnd.nextInt(300),
                            Map.of(FleetLabels.ARCH, rnd.nextBoolean() ? "arm64" : "amd64"))));
                    default -> changes.add(new FleetChange.PodUpserted(Fixtures.session(uid, "n" + node, GPU, 1, false)));
                }
            }
            if (round == 10) {
                changes.add(new FleetChange.NodeDeleted("n1"));
            }
            store.apply(changes);
            FleetDelta delta = store.takeDelta();
            ledger.apply(delta);
            ledger.syncPending(store.pendingPods());
        }

        List<NodeSummary> all = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            NodeSummary s = store.summary("n" + i);
            if (s != null) {
                all.add(s);
            }
        }
        CapacityLedger scratch = CapacityLedger.compute(all, store.pendingPods(), Grouping.PRODUCT, targets, costs);
        assertThat(ledger.rows()).isEqualTo(scratch.rows());
        assertThat(ledger.fleet()).isEqualTo(scratch.fleet());
        assertThat(ledger.fleet().nodes()).isEqualTo(4999);
        assertThat(ledger.fleet().reserved()).isPositive();
        assertThat(ledger.rows()).extracting(CapacityRow::group)
                .containsExactly("NVIDIA-A10G", "NVIDIA-T4G", "Tesla-T4", Grouping.UNCONSTRAINED);
        assertThat(ledger.rows().getLast().pending()).isEqualTo(ledger.fleet().pending());
    }

    @Test
    void syncPendingDropsPodsNoLongerListed() {
        CapacityLedger ledger = new CapacityLedger(Grouping.ARCH, targets, costs);
        PodInfo a = Fixtures.pendingGpu("a", Map.of(FleetLabels.ARCH, "arm64"));
        PodInfo b = Fixtures.pendingGpu("b", Map.of());
        ledger.syncPending(List.of(a, b));
        assertThat(ledger.fleet().pending()).isEqualTo(2);
        ledger.syncPending(List.of(b));
        assertThat(ledger.rows()).extracting(CapacityRow::group).containsExactly(Grouping.UNCONSTRAINED);
        ledger.syncPending(List.of());
        assertThat(ledger.rows()).isEmpty();
        assertThat(ledger.fleet().pending()).isZero();
    }
}
