package io.fleetdeck.app.slices;

import io.fleetdeck.app.nodes.Fleets;
import io.fleetdeck.core.capacity.CapacityRow;
import io.fleetdeck.core.capacity.CostTable;
import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.capacity.Grouping;
import io.fleetdeck.core.capacity.PendingSessions;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.PodPhase;
import io.fleetdeck.core.settings.FleetSettings;
import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SlicesViewModelTest {
    private final io.fleetdeck.app.nodes.NodesViewModel nodes = new io.fleetdeck.app.nodes.NodesViewModel();
    private final SlicesViewModel vm = new SlicesViewModel(DensityTargets.defaults(), CostTable.defaults(), nodes.rows());

    {
        vm.setActive(true);
    }

    /** What the main view-model does on a pulse: the nodes view first, then the slices. */
    private void pulse(FleetStore store) {
        var delta = store.takeDelta();
        nodes.apply(delta);
        vm.apply(delta);
    }

    static PodInfo pendingArm(String name) {
        return new PodInfo("uid-" + name, "streaming", name, null, PodPhase.PENDING, false, "ReplicaSet", "live-arm",
                Map.of(FleetLabels.GPU_RESOURCE, 1L), "channel-" + name, null, 25, Instant.EPOCH, "Unschedulable",
                "0/6 nodes are available: 6 node(s) didn't match Pod's node affinity/selector.", 0, false,
                Map.of(FleetLabels.ARCH, "arm64"));
    }

    @Test
    void totalsPerProductFollowPodsAndCostPerSessionHour() {
        FleetStore store = Fleets.store(6);
        pulse(store);
        CapacityRow t4 = vm.rows().getFirst();
        assertThat(t4.group()).isEqualTo("Tesla-T4");
        assertThat(t4.capacity()).isEqualTo(6 * 28);
        assertThat(t4.used()).isEqualTo(3);
        assertThat(t4.sessions()).isEqualTo(3);
        assertThat(t4.dollarsPerSessionHour()).isCloseTo(6 * 0.752 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm.fleetProperty().get().free()).isEqualTo(6 * 28 - 3);

        store.apply(List.of(new FleetChange.PodUpserted(Fleets.session("enc-new", "gpu-004"))));
        pulse(store);
        assertThat(vm.rows().getFirst().used()).isEqualTo(4);
        assertThat(vm.costRows()).extracting(CapacityRow::group).containsExactly("g4dn.2xlarge");
        assertThat(vm.costRows().getFirst().sessionsAtTarget()).isEqualTo(6 * 28);
    }

    @Test
    void whileHiddenNothingIsRefreshedAndShowingCatchesUp() {
        vm.setActive(false);
        FleetStore store = Fleets.store(4);
        pulse(store);
        store.apply(List.of(new FleetChange.PodUpserted(Fleets.session("enc-x", "gpu-003"))));
        pulse(store);
        assertThat(vm.rows()).isEmpty();
        vm.setActive(true);
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.capacity()).isEqualTo(4 * 28);
            assertThat(r.used()).isEqualTo(4);
        });
        store.apply(List.of(new FleetChange.PodDeleted("uid-enc-x")));
        pulse(store);
        assertThat(vm.rows().getFirst().used()).isEqualTo(3);
    }

    @Test
    void regroupingRecomputesAndSelectingAGroupFiltersItsNodes() {
        FleetStore store = Fleets.store(6);
        pulse(store);
        vm.groupingProperty().set(Grouping.NODEPOOL);
        assertThat(vm.rows()).extracting(CapacityRow::group).containsExactly("gpu-t4");
        assertThat(vm.groupNodes()).hasSize(6);
        vm.selectedGroupProperty().set("gpu-t4");
        assertThat(vm.groupNodes()).hasSize(6);
        vm.selectedGroupProperty().set("gpu-a10g");
        assertThat(vm.groupNodes()).isEmpty();
        vm.selectedGroupProperty().set(null);
        assertThat(vm.groupNodes()).hasSize(6);
    }

    @Test
    void pendingSessionsAreExplainedWithTheDemandThatWouldPlaceThem() {
        FleetStore store = Fleets.store(2);
        store.apply(List.of(new FleetChange.PodUpserted(pendingArm("arm-1")),
                new FleetChange.PodUpserted(pendingArm("arm-2"))));
        pulse(store);
        assertThat(vm.pending()).extracting(p -> p.reason())
                .containsOnly(PendingSessions.Reason.ARCH_MISMATCH);
        assertThat(vm.demand()).singleElement().satisfies(d -> {
            assertThat(d.amount()).isEqualTo(2);
            assertThat(d.text()).contains("nvidia.com/gpu").contains("kubernetes.io/arch=arm64");
        });
        vm.groupingProperty().set(Grouping.ARCH);
        assertThat(vm.rows()).extracting(CapacityRow::group).contains("amd64", "arm64");
        CapacityRow arm = vm.rows().stream().filter(r -> r.group().equals("arm64")).findFirst().orElseThrow();
        assertThat(arm.pending()).isEqualTo(2);
        assertThat(arm.capacity()).isZero();
        assertThat(arm.isShortOfCapacity()).isTrue();
    }

    @Test
    void editedSettingsRecomputeCostAndDensityVerdicts() {
        SettingsEditor settings = SettingsEditor.unstored(FleetSettings.defaults());
        SlicesViewModel edited = new SlicesViewModel(settings, nodes.rows());
        edited.setActive(true);
        FleetStore store = Fleets.store(6);
        var delta = store.takeDelta();
        nodes.apply(delta);
        edited.apply(delta);
        CapacityRow before = edited.rows().getFirst();
        assertThat(before.dollarsPerSessionHour()).isCloseTo(6 * 0.752 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(before.oversubscribedNodes()).isZero();

        settings.setPrice("g4dn.2xlarge", "1.5");
        assertThat(edited.rows().getFirst().dollarsPerSessionHour())
                .isCloseTo(6 * 1.5 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(edited.costs().dollarsPerHour("g4dn.2xlarge")).hasValue(1.5);

        settings.setSessions("Tesla-T4", "20");
        assertThat(edited.rows().getFirst().oversubscribedNodes()).as("28 slices per T4 over a target of 20").isEqualTo(6);
        assertThat(edited.costRows().getFirst().sessionsAtTarget()).isEqualTo(6 * 20);
        assertThat(edited.targets().sessionsPerGpu("Tesla-T4")).hasValue(20);

        edited.setActive(false);
        settings.revert();
        assertThat(edited.rows().getFirst().oversubscribedNodes()).as("hidden: not refreshed").isEqualTo(6);
        edited.setActive(true);
        assertThat(edited.rows().getFirst().oversubscribedNodes()).isZero();
        assertThat(edited.rows().getFirst().dollarsPerSessionHour())
                .isCloseTo(6 * 0.752 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theFleetsInstanceTypesAndProductsReachTheSettingsRows() {
        SettingsEditor settings = SettingsEditor.unstored(FleetSettings.defaults().withPrice("g4dn.2xlarge", null));
        SlicesViewModel edited = new SlicesViewModel(settings, nodes.rows());
        edited.setActive(true);
        FleetStore store = Fleets.store(2);
        edited.apply(store.takeDelta());
        assertThat(settings.priceRows()).contains(new SettingsRows.PriceRow("g4dn.2xlarge", null, true));
        assertThat(settings.densityRows()).contains(new SettingsRows.DensityRow("Tesla-T4", 28, true));
        store.apply(List.of(new FleetChange.NodeDeleted("gpu-000"), new FleetChange.NodeDeleted("gpu-001")));
        edited.apply(store.takeDelta());
        assertThat(settings.priceRows()).as("gone from the fleet and unpriced: no row")
                .extracting(SettingsRows.PriceRow::instanceType).doesNotContain("g4dn.2xlarge");
        assertThat(settings.densityRows()).contains(new SettingsRows.DensityRow("Tesla-T4", 28, false));
    }
}
