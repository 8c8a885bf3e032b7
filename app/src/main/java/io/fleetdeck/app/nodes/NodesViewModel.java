package io.fleetdeck.app.nodes;

import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.store.FleetDelta;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of the current cluster as rows keyed by node name. A delta updates existing rows in place,
 * adds new ones in one go and removes deleted ones in one go, so a pulse costs one list change at most.
 */
public final class NodesViewModel {
    private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
    private final FilteredList<NodeRow> filtered = new FilteredList<>(rows);
    private final Map<String, NodeRow> byName = new HashMap<>();
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final javafx.beans.property.ReadOnlyLongWrapper revision = new javafx.beans.property.ReadOnlyLongWrapper(this, "revision");

    public NodesViewModel() {
        filterText.addListener((obs, old, text) -> refilter());
        filtered.addListener((javafx.collections.ListChangeListener<NodeRow>) c -> shown.set(filtered.size()));
    }

    public ObservableList<NodeRow> rows() {
        return rows;
    }

    /** The rows that pass the search box. */
    public FilteredList<NodeRow> filteredRows() {
        return filtered;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Bumped after each delta that changed rows: views that draw themselves (tiles) redraw on it. */
    public javafx.beans.property.ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public NodeRow row(String name) {
        return byName.get(name);
    }

    /** Applies one pulse's delta; call on the UI thread. */
    public void apply(FleetDelta delta) {
        List<NodeRow> added = new ArrayList<>();
        for (NodeSummary s : delta.changed()) {
            NodeRow row = byName.get(s.name());
            if (row == null) {
                row = new NodeRow(s);
                byName.put(s.name(), row);
                added.add(row);
            } else {
                row.update(s);
            }
        }
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
        if (!delta.removed().isEmpty()) {
            List<NodeRow> gone = new ArrayList<>();
            for (String name : delta.removed()) {
                NodeRow row = byName.remove(name);
                if (row != null) {
                    gone.add(row);
                }
            }
            rows.removeAll(new java.util.HashSet<>(gone));
        }
        if (!delta.changed().isEmpty() && !filterText.get().isBlank()) {
            // A changed row may now match the search or stop matching it.
            refilter();
        }
        if (!delta.isEmpty()) {
            revision.set(revision.get() + 1);
        }
    }

    /** Forgets every row, for a switch of cluster. */
    public void clear() {
        rows.clear();
        byName.clear();
    }

    private void refilter() {
        filtered.setPredicate(NodeFilter.of(filterText.get()));
    }
}
