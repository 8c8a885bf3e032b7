package io.fleetdeck.app.nodes;

import io.fleetdeck.core.model.NodeSummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One table row, updated in place when its node changes: cells observe {@link #summaryProperty()}. */
public final class NodeRow {
    private final String name;
    private final ReadOnlyObjectWrapper<NodeSummary> summary;
    private String searchText;

    NodeRow(NodeSummary s) {
        this.name = s.name();
        this.summary = new ReadOnlyObjectWrapper<>(this, "summary", s);
        this.searchText = NodeFilter.searchText(s);
    }

    public String name() {
        return name;
    }

    public NodeSummary summary() {
        return summary.get();
    }

    public ReadOnlyObjectProperty<NodeSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    String searchText() {
        return searchText;
    }

    void update(NodeSummary s) {
        searchText = NodeFilter.searchText(s);
        summary.set(s);
    }
}
