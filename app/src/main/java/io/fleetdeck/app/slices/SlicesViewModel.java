package io.fleetdeck.app.slices;

import io.fleetdeck.core.capacity.CapacityLedger;
import io.fleetdeck.core.capacity.CapacityRow;
import io.fleetdeck.core.capacity.CostTable;
import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.capacity.Grouping;
import io.fleetdeck.core.capacity.PendingSessions;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.store.FleetDelta;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accelerator capacity of the fleet: totals per group (product, instance type, pool or arch) kept by an
 * incremental ledger, the density-and-cost table per instance type, the pending sessions and what would
 * place them, and the GPU/FPGA nodes of the chosen group for the slice grid.
 */
public final class SlicesViewModel {
    private final DensityTargets targets;
    private final CostTable costs;
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(this, "grouping", Grouping.PRODUCT);
    private final ObservableList<CapacityRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CapacityRow> costRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CapacityRow> fleet = new ReadOnlyObjectWrapper<>(this, "fleet");
    private final ObservableList<NodeSummary> acceleratorNodes = FXCollections.observableArrayList();
    private final FilteredList<NodeSummary> groupNodes = new FilteredList<>(acceleratorNodes);
    private final ObjectProperty<String> selectedGroup = new SimpleObjectProperty<>(this, "selectedGroup");
    private final ObservableList<PendingSessions.PendingSession> pending = FXCollections.observableArrayList();
    private final ObservableList<PendingSessions.Demand> demand = FXCollections.observableArrayList();
    private final Map<String, NodeSummary> latest = new HashMap<>();
    private final Map<String, Integer> nodeIndex = new HashMap<>();
    private List<PodInfo> pendingPods = List.of();
    private CapacityLedger ledger;
    private CapacityLedger costLedger;

    public SlicesViewModel(DensityTargets targets, CostTable costs) {
        this.targets = targets;
        this.costs = costs;
        this.ledger = new CapacityLedger(grouping.get(), targets, costs);
        this.costLedger = new CapacityLedger(Grouping.INSTANCE_TYPE, targets, costs);
        grouping.addListener((o, a, g) -> regroup(g));
        selectedGroup.addListener((o, a, g) -> refilterNodes());
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public ObservableList<CapacityRow> rows() {
        return rows;
    }

    /** Per instance type: $/h, sessions placed and at target, $/session-hour. */
    public ObservableList<CapacityRow> costRows() {
        return costRows;
    }

    public ReadOnlyObjectProperty<CapacityRow> fleetProperty() {
        return fleet.getReadOnlyProperty();
    }

    /** GPU and FPGA nodes of the selected group (all of them when none is selected), by name. */
    public FilteredList<NodeSummary> groupNodes() {
        return groupNodes;
    }

    public ObjectProperty<String> selectedGroupProperty() {
        return selectedGroup;
    }

    public ObservableList<PendingSessions.PendingSession> pending() {
        return pending;
    }

    public ObservableList<PendingSessions.Demand> demand() {
        return demand;
    }

    public DensityTargets targets() {
        return targets;
    }

    public CostTable costs() {
        return costs;
    }

    /** One pulse: only the changed nodes touch the ledgers; the tables are refreshed once. */
    public void apply(FleetDelta delta) {
        if (delta.isEmpty() && !delta.pendingChanged()) {
            return;
        }
        for (NodeSummary s : delta.changed()) {
            latest.put(s.name(), s);
        }
        for (String name : delta.removed()) {
            latest.remove(name);
        }
        ledger.apply(delta);
        costLedger.apply(delta);
        if (delta.pendingChanged()) {
            pendingPods = delta.pending();
            ledger.syncPending(pendingPods);
            costLedger.syncPending(pendingPods);
            pending.setAll(PendingSessions.analyse(pendingPods));
            demand.setAll(PendingSessions.demand(pendingPods));
        }
        updateNodes(delta);
        publish();
    }

    public void clear() {
        latest.clear();
        pendingPods = List.of();
        acceleratorNodes.clear();
        nodeIndex.clear();
        pending.clear();
        demand.clear();
        regroup(grouping.get());
        costLedger = new CapacityLedger(Grouping.INSTANCE_TYPE, targets, costs);
        costRows.clear();
    }

    private void regroup(Grouping g) {
        ledger = CapacityLedger.compute(latest.values(), pendingPods, g, targets, costs);
        selectedGroup.set(null);
        publish();
    }

    private void publish() {
        rows.setAll(ledger.rows());
        fleet.set(ledger.fleet());
        // Pending pods that name no instance type make an empty "unconstrained" row: not a cost line.
        costRows.setAll(costLedger.rows().stream().filter(r -> r.nodes() > 0).toList());
    }

    /** Keeps the accelerator node list sorted by name, replacing changed entries in place. */
    private void updateNodes(FleetDelta delta) {
        boolean reorder = !delta.removed().isEmpty();
        for (NodeSummary s : delta.changed()) {
            boolean accelerated = s.sliceResource() != null || s.fpgaResource() != null;
            Integer at = nodeIndex.get(s.name());
            if (at != null && accelerated) {
                acceleratorNodes.set(at, s);
            } else if (accelerated || at != null) {
                reorder = true; // a new accelerator node, or one that lost its accelerators
            }
        }
        if (reorder) {
            List<NodeSummary> all = new ArrayList<>();
            for (NodeSummary s : latest.values()) {
                if (s.sliceResource() != null || s.fpgaResource() != null) {
                    all.add(s);
                }
            }
            all.sort(Comparator.comparing(NodeSummary::name, io.fleetdeck.app.nodes.NaturalOrder.INSTANCE));
            acceleratorNodes.setAll(all);
            nodeIndex.clear();
            for (int i = 0; i < all.size(); i++) {
                nodeIndex.put(all.get(i).name(), i);
            }
        }
    }

    private void refilterNodes() {
        String group = selectedGroup.get();
        Grouping g = grouping.get();
        groupNodes.setPredicate(group == null || CapacityLedger.FLEET.equals(group) ? s -> true
                : s -> group.equals(g.keyOf(s)));
    }
}
