package io.fleetdeck.app.nodes;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.model.NodeCondition;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.Taint;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Map;
import java.util.TreeMap;

/** The selected node: its labels, taints, conditions, pods and recent events, and the cordon command. */
public final class NodeDetailsViewModel {
    private final TaskRunner tasks;
    private NodeDetailsSource source;
    private final ObjectProperty<NodeSummary> node = new SimpleObjectProperty<>(this, "node");
    private final ObservableList<PodInfo> pods = FXCollections.observableArrayList();
    private final ObservableList<ClusterEvent> events = FXCollections.observableArrayList();
    private final ObservableList<Map.Entry<String, String>> labels = FXCollections.observableArrayList();
    private final ObservableList<Taint> taints = FXCollections.observableArrayList();
    private final ObservableList<NodeCondition> conditions = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty eventsStatus = new SimpleStringProperty(this, "eventsStatus", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    public NodeDetailsViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public void setSource(NodeDetailsSource source) {
        this.source = source;
        show(null);
    }

    public ObjectProperty<NodeSummary> nodeProperty() {
        return node;
    }

    public ObservableList<PodInfo> pods() {
        return pods;
    }

    public ObservableList<ClusterEvent> events() {
        return events;
    }

    public ObservableList<Map.Entry<String, String>> labels() {
        return labels;
    }

    public ObservableList<Taint> taints() {
        return taints;
    }

    public ObservableList<NodeCondition> conditions() {
        return conditions;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty eventsStatusProperty() {
        return eventsStatus;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Shows a node (or nothing); loads its events in the background. */
    public void show(NodeSummary summary) {
        boolean other = summary == null || node.get() == null || !node.get().name().equals(summary.name());
        node.set(summary);
        if (other) {
            message.set("");
            events.clear();
        }
        if (summary == null || source == null) {
            eventsStatus.set("");
            pods.clear();
            labels.clear();
            taints.clear();
            conditions.clear();
            return;
        }
        refreshFromStore(summary);
        if (other) {
            loadEvents(summary.name());
        }
    }

    /** A pulse: if the shown node or its pods changed, redraw from the store without asking the API server. */
    public void onDelta(io.fleetdeck.core.store.FleetDelta delta) {
        NodeSummary shown = node.get();
        if (shown == null) {
            return;
        }
        if (delta.removed().contains(shown.name())) {
            message.set(shown.name() + " was deleted from the cluster.");
            node.set(null);
            pods.clear();
            return;
        }
        for (NodeSummary s : delta.changed()) {
            if (s.name().equals(shown.name())) {
                node.set(s);
                refreshFromStore(s);
            }
        }
    }

    private void refreshFromStore(NodeSummary summary) {
        pods.setAll(source.podsOn(summary.name()));
        labels.setAll(new TreeMap<>(summary.node().labels()).entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        taints.setAll(summary.node().taints());
        conditions.setAll(summary.node().conditions());
    }

    public void loadEvents(String nodeName) {
        NodeDetailsSource src = source;
        eventsStatus.set("Loading events…");
        tasks.run(() -> src.recentEvents(nodeName), list -> {
            if (isShowing(nodeName)) {
                events.setAll(list);
                eventsStatus.set(list.isEmpty() ? "No recent events" : "");
            }
        }, error -> {
            if (isShowing(nodeName)) {
                eventsStatus.set("Events unavailable: " + error.getMessage());
            }
        });
    }

    private boolean isShowing(String nodeName) {
        return node.get() != null && node.get().name().equals(nodeName);
    }

    /** Cordons a schedulable node, uncordons a cordoned one. */
    public void toggleCordon() {
        NodeSummary s = node.get();
        if (s == null || source == null || busy.get()) {
            return;
        }
        boolean cordon = !s.node().unschedulable();
        String name = s.name();
        busy.set(true);
        message.set((cordon ? "Cordoning " : "Uncordoning ") + name + "…");
        NodeDetailsSource src = source;
        tasks.run(() -> {
            src.setCordoned(name, cordon);
            return null;
        }, ok -> {
            busy.set(false);
            message.set(name + (cordon ? " cordoned: no new sessions will be placed on it." : " uncordoned."));
            if (isShowing(name)) {
                loadEvents(name); // the action's own Event is among them now
            }
        }, error -> {
            busy.set(false);
            message.set((cordon ? "Could not cordon " : "Could not uncordon ") + name + ": " + error.getMessage());
        });
    }

    public String cordonActionText() {
        NodeSummary s = node.get();
        return s != null && s.node().unschedulable() ? "Uncordon" : "Cordon";
    }


}
