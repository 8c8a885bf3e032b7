package io.fleetdeck.app.slices;

import io.fleetdeck.app.nodes.NaturalOrder;
import io.fleetdeck.app.nodes.NodeRow;
import io.fleetdeck.core.capacity.CapacityLedger;
import io.fleetdeck.core.capacity.CapacityRow;
import io.fleetdeck.core.capacity.CostTable;
import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.capacity.Grouping;
import io.fleetdeck.core.capacity.PendingSessions;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.settings.FleetSettings;
import io.fleetdeck.core.store.FleetDelta;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accelerator capacity of the fleet: totals per group (product, instance type, pool or arch) kept by an
 * incremental ledger, the density-and-cost table per instance type, the pending sessions and what would
 * place them, and the GPU/FPGA nodes of the chosen group for the slice grid. The figures follow the density and
 * cost settings: an edit there rebuilds the ledgers.
 */
public final class SlicesViewModel {
    private final SettingsEditor settings;
    private final FleetKinds kinds = new FleetKinds();
    private DensityTargets targets;
    private CostTable costs;
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(this, "grouping", Grouping.PRODUCT);
    private final ObservableList<CapacityRow> rows = FXCollections.observableArrayList();
    private final ObservableList<CapacityRow> costRows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CapacityRow> fleet = new ReadOnlyObjectWrapper<>(this, "fleet");
    /**
     * The grid shows the nodes view's own rows, which update in place: a pod event repaints one cell and makes
     * no list change, so the grid costs nothing on a busy fleet.
     */
    private final FilteredList<NodeRow> groupNodes;
    private final ObjectProperty<String> selectedGroup = new SimpleObjectProperty<>(this, "selectedGroup");
    private final ObservableList<PendingSessions.PendingSession> pending = FXCollections.observableArrayList();
    private final ObservableList<PendingSessions.Demand> demand = FXCollections.observableArrayList();
    private final Map<String, NodeSummary> latest = new HashMap<>();
    private List<PodInfo> pendingPods = List.of();
    /** While the screen is hidden the ledgers keep counting but its tables are not refreshed. */
    private boolean active;
    private boolean pendingStale = true;
    private boolean ledgersStale;
    private CapacityLedger ledger;
    private CapacityLedger costLedger;

    /** Figures from the settings in effect, following every edit. */
    public SlicesViewModel(SettingsEditor settings, ObservableList<NodeRow> nodeRows) {
        this(settings, settings.currentProperty().get().densityTargets(), settings.currentProperty().get().costTable(),
                nodeRows);
    }

    /** Figures from fixed tables until the settings panel edits them (benchmarks; nothing is stored). */
    public SlicesViewModel(DensityTargets targets, CostTable costs, ObservableList<NodeRow> nodeRows) {
        this(SettingsEditor.unstored(FleetSettings.defaults()), targets, costs, nodeRows);
    }

    private SlicesViewModel(SettingsEditor settings, DensityTargets targets, CostTable costs,
                            ObservableList<NodeRow> nodeRows) {
        this.settings = settings;
        this.targets = targets;
        this.costs = costs;
        this.groupNodes = new FilteredList<>(new SortedList<>(nodeRows,
                Comparator.comparing(NodeRow::name, NaturalOrder.INSTANCE)), SlicesViewModel::accelerated);
        this.ledger = new CapacityLedger(grouping.get(), targets, costs);
        this.costLedger = new CapacityLedger(Grouping.INSTANCE_TYPE, targets, costs);
        grouping.addListener((o, a, g) -> regroup(g));
        selectedGroup.addListener((o, a, g) -> refilterNodes());
        settings.currentProperty().addListener((o, a, s) -> useSettings(s));
    }

    /** The density and cost settings, and their editing. */
    public SettingsEditor settings() {
        return settings;
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
    public FilteredList<NodeRow> groupNodes() {
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
            kinds.replace(latest.put(s.name(), s), s);
        }
        for (String name : delta.removed()) {
            kinds.replace(latest.remove(name), null);
        }
        if (delta.pendingChanged()) {
            pendingPods = delta.pending();
            pendingStale = true;
        }
        if (!active) {
            // Hidden: only remember the summaries; the ledgers are rebuilt from them when the screen shows.
            ledgersStale = true;
            return;
        }
        ledger.apply(delta);
        costLedger.apply(delta);
        if (delta.pendingChanged()) {
            ledger.syncPending(pendingPods);
            costLedger.syncPending(pendingPods);
        }
        publish();
    }

    /** The Slices screen is shown (true) or hidden: shown, its figures catch up at once (one rebuild). */
    public void setActive(boolean shown) {
        this.active = shown;
        if (shown) {
            if (ledgersStale) {
                rebuildLedgers();
            }
            publish();
        }
    }

    /** New targets or prices: every node's verdict and cost may change, so the ledgers start over. */
    private void useSettings(FleetSettings s) {
        targets = s.densityTargets();
        costs = s.costTable();
        if (active) {
            rebuildLedgers();
            publish();
        } else {
            ledgersStale = true;
        }
    }

    private void rebuildLedgers() {
        ledger = CapacityLedger.compute(latest.values(), pendingPods, grouping.get(), targets, costs);
        costLedger = CapacityLedger.compute(latest.values(), pendingPods, Grouping.INSTANCE_TYPE, targets, costs);
        ledgersStale = false;
    }

    public void clear() {
        latest.clear();
        kinds.clear();
        pendingPods = List.of();
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
        if (pendingStale) {
            pending.setAll(PendingSessions.analyse(pendingPods));
            demand.setAll(PendingSessions.demand(pendingPods));
            pendingStale = false;
        }
        rows.setAll(ledger.rows());
        fleet.set(ledger.fleet());
        // Pending pods that name no instance type make an empty "unconstrained" row: not a cost line.
        costRows.setAll(costLedger.rows().stream().filter(r -> r.nodes() > 0).toList());
        if (kinds.takeChanged()) {
            settings.setFleet(kinds.instanceTypes(), kinds.products());
        }
    }

    private static boolean accelerated(NodeRow row) {
        NodeSummary s = row.summary();
        return s.sliceResource() != null || s.fpgaResource() != null;
    }

    private void refilterNodes() {
        String group = selectedGroup.get();
        Grouping g = grouping.get();
        groupNodes.setPredicate(group == null || CapacityLedger.FLEET.equals(group) ? SlicesViewModel::accelerated
                : r -> accelerated(r) && group.equals(g.keyOf(r.summary())));
    }
}
