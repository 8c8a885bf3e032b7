package io.fleetdeck.app.nodes;

import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.model.NodeCondition;
import io.fleetdeck.core.model.NodeState;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.model.Taint;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Map;
import java.util.function.Function;

/** The details pane of the selected node. */
final class NodeDetailsView extends ScrollPane {
    private final NodeDetailsViewModel vm;
    private final Label title = new Label("Select a node");
    private final GridPane facts = new GridPane();
    private final Button cordon = new Button("Cordon");

    NodeDetailsView(NodeDetailsViewModel vm) {
        this.vm = vm;
        setId("nodeDetails");
        setFitToWidth(true);
        title.getStyleClass().add("details-title");
        title.setId("detailsTitle");
        cordon.setId("cordonButton");
        cordon.setOnAction(e -> vm.toggleCordon());
        cordon.disableProperty().bind(vm.nodeProperty().isNull().or(vm.busyProperty()));
        Label message = new Label();
        message.setId("detailsMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        facts.setHgap(10);
        facts.setVgap(3);

        Label eventsStatus = new Label();
        eventsStatus.getStyleClass().add("fd-muted");
        eventsStatus.textProperty().bind(vm.eventsStatusProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox box = new VBox(6, new HBox(8, title, spacer, cordon), message, facts,
                section("Pods and sessions"), podsTable(),
                section("Conditions"), conditionsList(),
                section("Taints"), taintsList(),
                section("Events"), eventsStatus, eventsList(),
                section("Labels"), labelsTable());
        box.getStyleClass().add("details-pane");
        setContent(box);
        vm.nodeProperty().addListener((o, a, s) -> render(s));
        render(null);
    }

    private void render(NodeSummary s) {
        facts.getChildren().clear();
        if (s == null) {
            title.setText("Select a node");
            title.setGraphic(null);
            cordon.setText("Cordon");
            return;
        }
        title.setText(s.name());
        title.setGraphic(NodeTable.icon(s.state()).create());
        cordon.setText(s.node().unschedulable() ? "Uncordon" : "Cordon");
        var n = s.node();
        int r = 0;
        r = fact(r, "State", s.state().label() + (n.unschedulable() ? " (scheduling disabled)" : "")
                + (s.state() == NodeState.READY ? "" : " · " + s.state().explanation()));
        r = fact(r, "Instance", n.instanceType() + " · " + n.arch() + " · " + n.zone() + " · " + n.capacityType());
        r = fact(r, "NodePool", n.nodePool());
        r = fact(r, "OS", n.osImage() + " · kernel " + n.kernelVersion());
        if (!s.osUpdate().isEmpty()) {
            r = fact(r, "OS update", s.osUpdate());
        }
        r = fact(r, "Kubelet", n.kubeletVersion() + " · " + n.containerRuntime());
        r = fact(r, "Accelerators", s.acceleratorText().isEmpty() ? "none" : s.acceleratorText());
        if (s.sliceResource() != null) {
            r = fact(r, "GPU slices", s.slicesUsed() + " of " + s.slicesTotal() + " " + s.sliceResource()
                    + " (" + s.gpuReplicas() + " per GPU)");
        }
        if (s.fpgaResource() != null) {
            r = fact(r, "FPGA slots", s.fpgaUsed() + " of " + s.fpgaTotal() + " " + s.fpgaResource());
        }
        r = fact(r, "Sessions", String.valueOf(s.sessions()));
        r = fact(r, "Pods", s.pods() + " of " + s.maxPods());
        if (!s.driverProblem().isEmpty()) {
            Label problem = new Label(s.driverProblem());
            problem.getStyleClass().add("driver-problem");
            problem.setWrapText(true);
            facts.addRow(r, new Label("Driver"), problem);
        }
    }

    private int fact(int row, String name, String value) {
        Label k = new Label(name);
        k.getStyleClass().add("fd-muted");
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        facts.addRow(row, k, v);
        return row + 1;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private TableView<PodInfo> podsTable() {
        TableView<PodInfo> t = new TableView<>(vm.pods());
        t.setId("nodePods");
        t.setPrefHeight(220);
        t.setPlaceholder(new Label("No pods on this node"));
        t.getColumns().add(col("Pod", 210, PodInfo::name));
        t.getColumns().add(col("Namespace", 90, PodInfo::namespace));
        t.getColumns().add(col("Phase", 80, p -> p.terminating() ? "Terminating" : p.phase().label()));
        t.getColumns().add(col("Stream", 130, p -> p.isSession() ? p.streamName() : ""));
        t.getColumns().add(col("Accelerators", 150, p -> p.acceleratorRequests().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("")));
        t.getColumns().add(col("Owner", 110, p -> p.ownerKind() == null ? "" : p.ownerKind()));
        return t;
    }

    private TableView<Map.Entry<String, String>> labelsTable() {
        TableView<Map.Entry<String, String>> t = new TableView<>(vm.labels());
        t.setId("nodeLabels");
        t.setPrefHeight(240);
        t.getColumns().add(col("Label", 260, Map.Entry::getKey));
        t.getColumns().add(col("Value", 200, Map.Entry::getValue));
        return t;
    }

    private ListView<NodeCondition> conditionsList() {
        ListView<NodeCondition> l = new ListView<>(vm.conditions());
        l.setId("nodeConditions");
        l.setPrefHeight(110);
        l.setCellFactory(v -> cell(c -> c.type() + " = " + c.status()
                + (c.reason() == null || c.reason().isEmpty() ? "" : " (" + c.reason() + ")")
                + (c.message() == null || c.message().isEmpty() ? "" : ": " + c.message())));
        return l;
    }

    private ListView<Taint> taintsList() {
        ListView<Taint> l = new ListView<>(vm.taints());
        l.setId("nodeTaints");
        l.setPrefHeight(60);
        l.setPlaceholder(new Label("No taints"));
        l.setCellFactory(v -> cell(Taint::toString));
        return l;
    }

    private ListView<ClusterEvent> eventsList() {
        ListView<ClusterEvent> l = new ListView<>(vm.events());
        l.setId("nodeEvents");
        l.setPrefHeight(150);
        l.setCellFactory(v -> cell(e -> (e.lastSeen() == null ? "" : NodeTable.age(e.lastSeen()) + " ago  ")
                + e.type() + "  " + e.reason() + "  " + e.message()
                + (e.count() > 1 ? " (×" + e.count() + ")" : "")));
        return l;
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    private static <T> TableColumn<T, String> col(String title, double width, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }
}
