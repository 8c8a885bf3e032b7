package io.fleetdeck.app.nodes;

import io.fleetdeck.app.theme.FleetIcon;
import io.fleetdeck.core.model.NodeState;
import io.fleetdeck.core.model.NodeSummary;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/**
 * The virtualised nodes table. Every column observes the row's one summary property, so a node update
 * repaints its row's visible cells and nothing else.
 */
final class NodeTable {
    private static final PseudoClass CORDONED = PseudoClass.getPseudoClass("cordoned");
    private static final PseudoClass NOT_READY = PseudoClass.getPseudoClass("not-ready");
    private static final PseudoClass FULL = PseudoClass.getPseudoClass("full");

    private NodeTable() {
    }

    static TableView<NodeRow> create(NodesViewModel vm) {
        TableView<NodeRow> table = new TableView<>();
        table.setId("nodesTable");
        SortedList<NodeRow> sorted = new SortedList<>(vm.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setTableMenuButtonVisible(true);
        table.setPlaceholder(new javafx.scene.control.Label("No nodes"));
        table.setRowFactory(t -> new StateRow());

        TableColumn<NodeRow, NodeSummary> name = text("Name", 200, NodeSummary::name,
                Comparator.comparing(NodeSummary::name, NaturalOrder.INSTANCE));
        table.getColumns().add(name);
        table.getColumns().add(stateColumn());
        table.getColumns().add(acceleratorColumn());
        table.getColumns().add(slicesColumn());
        table.getColumns().add(number("Sessions", 70, NodeSummary::sessions));
        table.getColumns().add(text("Pods", 70, s -> s.pods() + "/" + s.maxPods(),
                Comparator.comparingInt(NodeSummary::pods)));
        table.getColumns().add(text("Instance type", 110, s -> s.node().instanceType()));
        table.getColumns().add(text("Pool", 80, s -> s.node().nodePool()));
        table.getColumns().add(text("Zone", 85, s -> s.node().zone()));
        table.getColumns().add(text("Arch", 55, s -> s.node().arch()));
        table.getColumns().add(text("Capacity", 85, s -> s.node().capacityType()));
        table.getColumns().add(text("OS image", 170, s -> nz(s.node().osImage())));
        table.getColumns().add(text("Kernel", 110, s -> nz(s.node().kernelVersion())));
        table.getColumns().add(text("OS update", 110, NodeSummary::osUpdate));
        table.getColumns().add(text("Age", 55, s -> age(s.node().created()),
                Comparator.comparing(s -> s.node().created(), Comparator.nullsLast(Comparator.reverseOrder()))));
        table.getSortOrder().add(name);
        return table;
    }

    private static TableColumn<NodeRow, NodeSummary> column(String title, double width) {
        TableColumn<NodeRow, NodeSummary> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> cd.getValue().summaryProperty());
        c.setId("col-" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
        return c;
    }

    private static TableColumn<NodeRow, NodeSummary> text(String title, double width, Function<NodeSummary, String> f) {
        return text(title, width, f, Comparator.comparing(f, String.CASE_INSENSITIVE_ORDER));
    }

    private static TableColumn<NodeRow, NodeSummary> text(String title, double width, Function<NodeSummary, String> f,
                                                          Comparator<NodeSummary> order) {
        TableColumn<NodeRow, NodeSummary> c = column(title, width);
        c.setComparator(Comparator.nullsFirst(order));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(NodeSummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : f.apply(s));
            }
        });
        return c;
    }

    private static TableColumn<NodeRow, NodeSummary> number(String title, double width,
                                                            java.util.function.ToIntFunction<NodeSummary> f) {
        TableColumn<NodeRow, NodeSummary> c = text(title, width, s -> String.valueOf(f.applyAsInt(s)),
                Comparator.comparingInt(f));
        c.getStyleClass().add("numeric");
        return c;
    }

    private static TableColumn<NodeRow, NodeSummary> stateColumn() {
        TableColumn<NodeRow, NodeSummary> c = column("State", 110);
        c.setComparator(Comparator.nullsFirst(Comparator.comparing(NodeSummary::state)));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                getStyleClass().add("state-cell");
            }

            @Override
            protected void updateItem(NodeSummary s, boolean empty) {
                super.updateItem(s, empty);
                for (NodeState st : NodeState.values()) {
                    pseudoClassStateChanged(pseudo(st), !empty && s != null && s.state() == st);
                }
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    setText(s.state().label());
                    setGraphic(icon(s.state()).create());
                    tip.setText(s.state().explanation());
                    setTooltip(tip);
                }
            }
        });
        return c;
    }

    private static TableColumn<NodeRow, NodeSummary> acceleratorColumn() {
        TableColumn<NodeRow, NodeSummary> c = column("Accelerators", 170);
        c.setComparator(Comparator.nullsFirst(Comparator.comparing(NodeSummary::acceleratorText)));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(NodeSummary s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove("driver-problem");
                setTooltip(null);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(s.acceleratorText());
                if (s.driverProblem().isEmpty()) {
                    setGraphic(null);
                } else {
                    getStyleClass().add("driver-problem");
                    setGraphic(FleetIcon.DRIVER_PROBLEM.create());
                    setTooltip(new Tooltip(s.driverProblem()));
                }
            }
        });
        return c;
    }

    private static TableColumn<NodeRow, NodeSummary> slicesColumn() {
        TableColumn<NodeRow, NodeSummary> c = column("Slices", 120);
        c.setComparator(Comparator.nullsFirst(Comparator.comparingDouble(NodeSummary::sliceUtilisation)));
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final HBox box = new HBox(6, bar);

            {
                bar.getStyleClass().add("slice-bar");
                bar.setPrefWidth(50);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(NodeSummary s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null || s.slicesText().isEmpty()) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                bar.setProgress(s.sliceUtilisation());
                bar.pseudoClassStateChanged(FULL, s.sliceUtilisation() >= 1.0);
                setText(s.slicesText());
                setGraphic(box);
            }
        });
        return c;
    }

    static FleetIcon icon(NodeState state) {
        return switch (state) {
            case READY -> FleetIcon.READY;
            case NOT_READY -> FleetIcon.NOT_READY;
            case UNKNOWN -> FleetIcon.UNKNOWN;
            case CORDONED -> FleetIcon.CORDONED;
            case DRAINING -> FleetIcon.DRAINING;
        };
    }

    static PseudoClass pseudo(NodeState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static String age(Instant created) {
        if (created == null) {
            return "";
        }
        Duration d = Duration.between(created, Instant.now());
        if (d.toDays() > 0) {
            return d.toDays() + "d";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h";
        }
        return Math.max(0, d.toMinutes()) + "m";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Colours the whole row by state through pseudo-classes, never inline styles. */
    private static final class StateRow extends TableRow<NodeRow> {
        private final SummaryFollower follower = new SummaryFollower(this::mark);

        @Override
        protected void updateItem(NodeRow row, boolean empty) {
            NodeRow old = getItem();
            super.updateItem(row, empty);
            follower.follow(old, empty ? null : row);
        }

        private void mark(NodeSummary s) {
            pseudoClassStateChanged(CORDONED, s != null && (s.state() == NodeState.CORDONED
                    || s.state() == NodeState.DRAINING));
            pseudoClassStateChanged(NOT_READY, s != null && (s.state() == NodeState.NOT_READY
                    || s.state() == NodeState.UNKNOWN));
        }
    }
}
