package io.fleetdeck.app.slices;

import io.fleetdeck.core.capacity.CapacityRow;
import io.fleetdeck.core.capacity.Grouping;
import io.fleetdeck.core.capacity.PendingSessions;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The slices screen: capacity per group, and below it the chosen group's nodes as slice grids, the density
 * and cost settings with the figures they give, and the pending sessions with what would place them.
 */
public final class SlicesView extends BorderPane {
    private final SlicesViewModel vm;

    public SlicesView(SlicesViewModel vm, Consumer<String> openNode) {
        this.vm = vm;
        setId("slicesView");
        ChoiceBox<Grouping> by = new ChoiceBox<>(FXCollections.observableArrayList(Grouping.values()));
        by.setId("groupBy");
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(Grouping g) {
                return g == null ? "" : switch (g) {
                    case PRODUCT -> "GPU product";
                    case INSTANCE_TYPE -> "Instance type";
                    case NODEPOOL -> "NodePool";
                    case ARCH -> "Architecture";
                };
            }

            @Override
            public Grouping fromString(String s) {
                return null;
            }
        });
        by.valueProperty().bindBidirectional(vm.groupingProperty());
        Label fleet = new Label();
        fleet.setId("fleetSummary");
        fleet.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> summary(vm.fleetProperty().get()), vm.fleetProperty()));
        HBox bar = new HBox(8, new Label("Group by"), by, fleet);
        bar.getStyleClass().add("toolbar-strip");
        setTop(bar);

        TableView<CapacityRow> capacity = capacityTable();
        Tab grid = new Tab("Slices by node", new SliceGrid(vm, openNode));
        Tab cost = new Tab("Density & cost", new DensityCostPanel(vm));
        cost.setId("densityCostTab");
        Tab pending = new Tab("Pending sessions", pendingPanel());
        pending.setId("pendingTab");
        vm.pending().addListener((javafx.collections.ListChangeListener<PendingSessions.PendingSession>) c ->
                pending.setText("Pending sessions (" + vm.pending().size() + ")"));
        TabPane below = new TabPane(grid, cost, pending);
        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(capacity, below);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36);
        setCenter(split);
    }

    static String summary(CapacityRow r) {
        if (r == null) {
            return "";
        }
        return String.format(Locale.ROOT, "Fleet: %,d of %,d slices used · %,d free%s · %,d pending · %,d sessions · %s per session-hour",
                r.used(), r.capacity(), r.free(), r.reserved() > 0 ? " (+" + r.reserved() + " freeing)" : "",
                r.pending(), r.sessions(), Money.perSessionHour(r.dollarsPerSessionHour()));
    }

    private TableView<CapacityRow> capacityTable() {
        TableView<CapacityRow> t = new TableView<>(vm.rows());
        t.setId("capacityTable");
        t.setPlaceholder(new Label("No nodes yet"));
        t.getColumns().add(col("Group", 170, CapacityRow::group));
        t.getColumns().add(num("Nodes", r -> r.nodes()));
        t.getColumns().add(num("Capacity", CapacityRow::capacity));
        t.getColumns().add(num("Used", CapacityRow::used));
        t.getColumns().add(num("Free", CapacityRow::free));
        TableColumn<CapacityRow, Number> freeing = num("Terminating", CapacityRow::reserved);
        freeing.setPrefWidth(100);
        t.getColumns().add(freeing);
        t.getColumns().add(num("Pending", CapacityRow::pending));
        t.getColumns().add(num("Sessions", CapacityRow::sessions));
        t.getColumns().add(col("$/h", 80, r -> Money.perHour(r.dollarsPerHour())));
        t.getColumns().add(col("$/session-h", 90, r -> Money.perSessionHour(r.dollarsPerSessionHour())));
        t.getColumns().add(col("Density", 200, SlicesView::densityText));
        t.getSelectionModel().selectedItemProperty().addListener((o, a, r) ->
                vm.selectedGroupProperty().set(r == null ? null : r.group()));
        return t;
    }

    static String densityText(CapacityRow r) {
        StringBuilder sb = new StringBuilder();
        if (r.oversubscribedNodes() > 0) {
            sb.append(r.oversubscribedNodes()).append(" over-subscribed");
        }
        if (r.strandedNodes() > 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append(r.strandedNodes()).append(" stranded");
        }
        return sb.isEmpty() ? (r.sessionsAtTarget() > 0 ? "at target" : "") : sb.toString();
    }

    private VBox pendingPanel() {
        TableView<PendingSessions.PendingSession> t = new TableView<>(vm.pending());
        t.setId("pendingTable");
        t.setPlaceholder(new Label("No pending sessions"));
        t.getColumns().add(col("Pod", 230, p -> p.pod().name()));
        t.getColumns().add(col("Namespace", 90, p -> p.pod().namespace()));
        t.getColumns().add(col("Stream", 130, p -> p.pod().streamName()));
        t.getColumns().add(col("Reason", 170, p -> reasonText(p.reason())));
        t.getColumns().add(col("Wants", 150, p -> p.amount() + " × " + p.resource()));
        t.getColumns().add(col("Node selector", 220, p -> p.pod().nodeSelector().toString()));
        t.getColumns().add(col("Scheduler says", 420, p -> p.message() == null ? "" : p.message()));
        ListView<PendingSessions.Demand> demand = new ListView<>(vm.demand());
        demand.setId("demandList");
        demand.setPrefHeight(90);
        demand.setPlaceholder(new Label("Nothing waits for capacity"));
        demand.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PendingSessions.Demand d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.text() + " (" + d.pods() + " pods)");
            }
        });
        Label title = new Label("Slices that would place them all");
        title.getStyleClass().add("section-title");
        VBox.setVgrow(t, Priority.ALWAYS);
        return new VBox(6, t, title, demand);
    }

    static String reasonText(PendingSessions.Reason r) {
        return switch (r) {
            case NO_FREE_SLICE -> "No free slice";
            case ARCH_MISMATCH -> "No node matches (arch/selector)";
            case ALL_CANDIDATES_CORDONED -> "All candidates cordoned";
            case NOT_YET_SCHEDULED -> "Not scheduled yet";
            case OTHER -> "Other";
        };
    }

    static <T> TableColumn<T, String> col(String title, double width, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        return c;
    }

    static <T, V> TableColumn<T, V> wide(TableColumn<T, V> c, double width) {
        c.setPrefWidth(width);
        return c;
    }

    static <T> TableColumn<T, Number> num(String title, Function<T, Number> f) {
        TableColumn<T, Number> c = new TableColumn<>(title);
        c.setPrefWidth(80);
        c.getStyleClass().add("numeric");
        c.setCellValueFactory(cd -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }
}
