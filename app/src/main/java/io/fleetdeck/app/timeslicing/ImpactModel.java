package io.fleetdeck.app.timeslicing;

import io.fleetdeck.core.capacity.DensityTargets;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.timeslicing.TimeSlicingImpact;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What the edited configs would do to the fleet, as the editor shows it: per pool, per changed node, in words. */
final class ImpactModel {
    /** The targets in effect when the impact is computed: the operator may edit them meanwhile. */
    private final Supplier<DensityTargets> targets;
    private final ReadOnlyObjectWrapper<TimeSlicingImpact> impact = new ReadOnlyObjectWrapper<>(this, "impact");
    private final ObservableList<TimeSlicingImpact.PoolImpact> pools = FXCollections.observableArrayList();
    private final ObservableList<TimeSlicingImpact.NodeImpact> nodes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");

    ImpactModel(Supplier<DensityTargets> targets) {
        this.targets = targets;
    }

    ReadOnlyObjectProperty<TimeSlicingImpact> impactProperty() {
        return impact.getReadOnlyProperty();
    }

    ObservableList<TimeSlicingImpact.PoolImpact> pools() {
        return pools;
    }

    ObservableList<TimeSlicingImpact.NodeImpact> nodes() {
        return nodes;
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Recomputes for the loaded data (null: nothing loaded) and the edits by key. */
    void recompute(Map<String, String> loaded, Map<String, String> edits, Collection<NodeSummary> fleet) {
        if (loaded == null || edits.isEmpty()) {
            impact.set(null);
            pools.clear();
            nodes.clear();
            text.set(loaded == null ? "" : "No edits: nothing changes.");
            return;
        }
        // No default key: the plugin's default config is a command-line flag, not part of the ConfigMap.
        TimeSlicingImpact result = TimeSlicingImpact.compute(loaded, edits, fleet, null, targets.get());
        impact.set(result);
        List<TimeSlicingImpact.PoolImpact> rows = new ArrayList<>(result.pools());
        if (rows.size() > 1) {
            rows.add(result.total());
        }
        pools.setAll(rows);
        nodes.setAll(result.nodes().stream().filter(ConfigChanges::changes).toList());
        text.set(ConfigChanges.impactText(result));
    }
}
