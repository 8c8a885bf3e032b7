package io.fleetdeck.app.nodes;

import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NodesViewModelTest {
    private final NodesViewModel vm = new NodesViewModel();

    @Test
    void rowsAreUpdatedInPlaceByName() {
        FleetStore store = Fleets.store(5);
        vm.apply(store.takeDelta());
        assertThat(vm.rows()).hasSize(5);
        NodeRow row = vm.row("gpu-001");
        assertThat(row.summary().sessions()).isEqualTo(1);

        store.apply(List.of(new FleetChange.PodUpserted(Fleets.session("enc-z", "gpu-001"))));
        vm.apply(store.takeDelta());
        assertThat(vm.rows()).hasSize(5);
        assertThat(vm.row("gpu-001")).isSameAs(row);
        assertThat(row.summary().sessions()).isEqualTo(2);
        assertThat(row.summary().slicesText()).isEqualTo("2/28");
    }

    @Test
    void deletedNodesLeaveTheList() {
        FleetStore store = Fleets.store(3);
        vm.apply(store.takeDelta());
        store.apply(List.of(new FleetChange.NodeDeleted("gpu-000")));
        vm.apply(store.takeDelta());
        assertThat(vm.rows()).extracting(NodeRow::name).containsExactlyInAnyOrder("gpu-001", "gpu-002");
        assertThat(vm.row("gpu-000")).isNull();
    }

    @Test
    void filterMatchesEveryTermAcrossColumns() {
        vm.apply(Fleets.store(9).takeDelta());
        vm.filterTextProperty().set("us-east-1b");
        assertThat(vm.filteredRows()).extracting(NodeRow::name).containsExactlyInAnyOrder("gpu-001", "gpu-004", "gpu-007");
        vm.filterTextProperty().set("cordoned T4");
        assertThat(vm.filteredRows()).extracting(NodeRow::name).containsExactly("gpu-002");
        vm.filterTextProperty().set("");
        assertThat(vm.shownProperty().get()).isEqualTo(9);
    }

    @Test
    void aChangedRowIsRefilteredOnThePulse() {
        FleetStore store = Fleets.store(3);
        vm.apply(store.takeDelta());
        vm.filterTextProperty().set("cordoned");
        assertThat(vm.filteredRows()).hasSize(1);
        store.apply(List.of(new FleetChange.NodeUpserted(Fleets.gpuNode("gpu-000", "us-east-1a", true))));
        vm.apply(store.takeDelta());
        assertThat(vm.filteredRows()).extracting(NodeRow::name).containsExactlyInAnyOrder("gpu-000", "gpu-002");
    }
}
