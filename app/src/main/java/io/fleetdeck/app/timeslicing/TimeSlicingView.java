package io.fleetdeck.app.timeslicing;

import io.fleetdeck.core.capacity.DensityVerdict;
import io.fleetdeck.core.timeslicing.TimeSlicingImpact.NodeImpact;
import io.fleetdeck.core.timeslicing.TimeSlicingImpact.PoolImpact;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The time-slicing editor: the device plugin's configs on the left, the selected one's YAML with its errors
 * and warnings in the middle, and what the edits would do to the fleet on the right. Ctrl+S applies (asking
 * first when sessions would suffer), Ctrl+R reloads.
 */
public final class TimeSlicingView extends BorderPane {
    private static final KeyCombination APPLY = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination RELOAD = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);

    private static final PseudoClass NONE = PseudoClass.getPseudoClass("none");

    private final TimeSlicingViewModel vm;
    private final Predicate<String> confirm;
    private final ListView<String> keyList;

    public TimeSlicingView(TimeSlicingViewModel vm) {
        this(vm, TimeSlicingView::askOperator);
    }

    /** @param confirm asked with the confirmation text before a risky apply; true goes ahead */
    TimeSlicingView(TimeSlicingViewModel vm, Predicate<String> confirm) {
        this.vm = vm;
        this.confirm = confirm;
        setId("timeSlicingView");
        getStyleClass().add("time-slicing-view");
        keyList = keyList();
        setTop(toolbar());
        setLeft(keyList);
        SplitPane split = new SplitPane(editor(), impact());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setCenter(split);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (APPLY.match(e)) {
                e.consume();
                applyAfterConfirmation();
            } else if (RELOAD.match(e)) {
                e.consume();
                vm.load();
            }
        });
    }

    /** Applies the edits, first asking the operator when the impact displaces sessions or oversubscribes. */
    public void applyAfterConfirmation() {
        if (vm.applyDisabledProperty().get()) {
            return;
        }
        if (vm.confirmationNeeded() && !confirm.test(vm.confirmationText())) {
            return;
        }
        vm.apply();
    }

    private static boolean askOperator(String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle("Apply time-slicing change");
        alert.setHeaderText("This change affects running sessions");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private HBox toolbar() {
        TextField namespace = new TextField();
        namespace.setId("configNamespace");
        namespace.setPrefColumnCount(16);
        namespace.textProperty().bindBidirectional(vm.namespaceProperty());
        TextField name = new TextField();
        name.setId("configName");
        name.setPrefColumnCount(18);
        name.textProperty().bindBidirectional(vm.nameProperty());
        Button load = new Button("Load");
        load.setId("loadConfig");
        load.setTooltip(new Tooltip("Read the ConfigMap from the cluster (Ctrl+R)"));
        load.setOnAction(e -> vm.load());
        load.disableProperty().bind(vm.connectedProperty().not().or(vm.busyProperty()));
        name.setOnAction(e -> vm.load());
        namespace.setOnAction(e -> vm.load());
        Label busy = new Label("Working…");
        busy.getStyleClass().add("fd-muted");
        busy.visibleProperty().bind(vm.busyProperty());
        HBox bar = new HBox(8, new Label("Namespace"), namespace, new Label("ConfigMap"), name, load, busy);
        bar.getStyleClass().add("toolbar-strip");
        return bar;
    }

    private ListView<String> keyList() {
        ListView<String> list = new ListView<>(vm.keys());
        list.setId("configKeys");
        list.setPrefWidth(210);
        list.setPlaceholder(new Label("No configs loaded"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String key, boolean empty) {
                super.updateItem(key, empty);
                if (empty || key == null) {
                    setText(null);
                    return;
                }
                int n = vm.nodesUsing(key);
                setText(key + "  (" + n + (n == 1 ? " node)" : " nodes)")
                        + (vm.editedKeys().contains(key) ? "  • edited" : ""));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, key) -> {
            if (key != null) {
                vm.selectedKeyProperty().set(key);
            }
        });
        vm.selectedKeyProperty().addListener((o, a, key) -> {
            if (key != null && !key.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(key);
            }
        });
        // The "edited" marker and node counts are not part of the items, so redraw the cells when they change.
        vm.editedKeys().addListener((SetChangeListener<String>) c -> list.refresh());
        vm.keys().addListener((ListChangeListener<String>) c -> {
            // A reload replaces the items, which clears the list's selection but not the view-model's.
            String key = vm.selectedKeyProperty().get();
            if (key != null && vm.keys().contains(key)) {
                list.getSelectionModel().select(key);
            }
            list.refresh();
        });
        return list;
    }

    private VBox editor() {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            String key = vm.selectedKeyProperty().get();
            return key == null ? "No config selected" : "Config " + key
                    + (vm.editedKeys().contains(key) ? " (edited, not applied)" : "");
        }, vm.selectedKeyProperty(), vm.editedKeys(), vm.textProperty()));
        TextArea yaml = new TextArea();
        yaml.setId("configYaml");
        yaml.getStyleClass().add("config-yaml");
        yaml.textProperty().bindBidirectional(vm.textProperty());
        yaml.disableProperty().bind(vm.selectedKeyProperty().isNull().or(vm.busyProperty()));
        VBox.setVgrow(yaml, Priority.ALWAYS);

        Label errors = problems("configErrors", "config-errors", vm.errors(), "Error: ", "Valid: the device plugin"
                + " accepts this config.");
        Label warnings = problems("configWarnings", "config-warnings", vm.warnings(), "Warning: ", "");

        Button revert = new Button("Revert");
        revert.setId("revertConfig");
        revert.setTooltip(new Tooltip("Discard every edit not yet applied"));
        revert.setOnAction(e -> vm.revert());
        revert.disableProperty().bind(Bindings.isEmpty(vm.editedKeys()).or(vm.busyProperty()));
        Button apply = new Button("Apply");
        apply.setId("applyConfig");
        apply.setDefaultButton(false);
        apply.setTooltip(new Tooltip("Write all edited configs to the cluster (Ctrl+S)"));
        apply.setOnAction(e -> applyAfterConfirmation());
        apply.disableProperty().bind(vm.applyDisabledProperty());
        Button reload = new Button("Reload");
        reload.setId("reloadConfig");
        reload.setTooltip(new Tooltip("Read the current version; your edits of configs nobody else changed are kept"));
        reload.setOnAction(e -> vm.load());
        reload.visibleProperty().bind(vm.conflictProperty());
        reload.managedProperty().bind(reload.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, reload, revert, apply);

        Label message = new Label();
        message.setId("configMessage");
        message.setWrapText(true);
        message.getStyleClass().add("config-message");
        message.textProperty().bind(vm.messageProperty());

        VBox box = new VBox(6, title, yaml, errors, warnings, buttons, message);
        box.getStyleClass().add("details-pane");
        return box;
    }

    /** One line per problem, prefixed so the state reads without colour; hidden when there is nothing to say. */
    private Label problems(String id, String styleClass, ObservableList<String> items, String prefix,
                           String whenEmpty) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.textProperty().bind(Bindings.createStringBinding(() -> items.isEmpty()
                ? (vm.selectedKeyProperty().get() == null ? "" : whenEmpty)
                : String.join("\n", items.stream().map(s -> prefix + s).toList()), items, vm.selectedKeyProperty()));
        // Red only for real problems: with none left the label says "Valid" in the ok colour.
        l.pseudoClassStateChanged(NONE, items.isEmpty());
        items.addListener((ListChangeListener<String>) c -> l.pseudoClassStateChanged(NONE, items.isEmpty()));
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private VBox impact() {
        Label summary = new Label();
        summary.setId("impactSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.impactTextProperty());

        TableView<PoolImpact> pools = new TableView<>(vm.impactPools());
        pools.setId("impactPools");
        pools.setPrefHeight(170);
        pools.setPlaceholder(new Label("No edits: nothing changes"));
        pools.getColumns().add(col("Pool", 110, PoolImpact::pool));
        pools.getColumns().add(col("Nodes", 60, p -> String.valueOf(p.nodes())));
        pools.getColumns().add(col("Slices", 110, p -> p.slicesBefore() + " → " + p.slicesAfter()));
        pools.getColumns().add(col("Used", 60, p -> String.valueOf(p.used())));
        pools.getColumns().add(col("Displaced", 80, p -> String.valueOf(p.displaced())));
        pools.getColumns().add(col("Oversubscribed after", 140, p -> String.valueOf(p.oversubscribedAfter())));

        TableView<NodeImpact> nodes = new TableView<>(vm.impactNodes());
        nodes.setId("impactNodes");
        nodes.setPlaceholder(new Label("No node changes"));
        VBox.setVgrow(nodes, Priority.ALWAYS);
        nodes.getColumns().add(col("Node", 130, NodeImpact::node));
        nodes.getColumns().add(col("Config", 80, NodeImpact::configKey));
        nodes.getColumns().add(col("GPU", 110, n -> n.product() + " × " + n.gpus()));
        nodes.getColumns().add(col("Slices", 90, n -> n.slicesBefore() + " → " + n.slicesAfter()));
        nodes.getColumns().add(col("Used", 50, n -> String.valueOf(n.used())));
        nodes.getColumns().add(col("Displaced", 75, n -> String.valueOf(n.displaced())));
        nodes.getColumns().add(col("Density", 170, n -> verdict(n.verdictBefore()) + " → " + verdict(n.verdictAfter())));
        nodes.getColumns().add(col("Why", 260, NodeImpact::note));

        Label poolsTitle = new Label("Impact per pool");
        poolsTitle.getStyleClass().add("section-title");
        Label nodesTitle = new Label("Nodes that change");
        nodesTitle.getStyleClass().add("section-title");
        VBox box = new VBox(6, poolsTitle, summary, pools, nodesTitle, nodes);
        box.getStyleClass().add("details-pane");
        return box;
    }

    private static String verdict(DensityVerdict v) {
        return switch (v) {
            case NOT_GPU -> "no GPU";
            case NO_TARGET -> "no target";
            case OVERSUBSCRIBED -> "OVERSUBSCRIBED";
            case STRANDED -> "stranded";
            case OK -> "ok";
        };
    }

    private static <T> TableColumn<T, String> col(String title, double width, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }
}
