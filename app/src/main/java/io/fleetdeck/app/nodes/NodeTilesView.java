package io.fleetdeck.app.nodes;

import io.fleetdeck.core.model.NodeSummary;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.List;
import java.util.function.Consumer;

/**
 * A heat view of the same (filtered) nodes: one small tile per node, its colour the node's state and its
 * fill the share of slices in use. Drawn on one canvas, so 5,000 nodes cost one draw, not 5,000 controls.
 */
final class NodeTilesView extends ScrollPane {
    static final int TILE = 16;
    static final int GAP = 3;

    private final NodesViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Pane probes = new Pane();
    private final Label ready = probe("ready");
    private final Label cordoned = probe("cordoned");
    private final Label notReady = probe("not-ready");
    private final Label empty = probe("empty");
    private final Label selected = probe("selected");
    private final Label driver = probe("driver");
    private final Tooltip tooltip = new Tooltip();
    private String selectedName;
    private boolean dirty = true;

    NodeTilesView(NodesViewModel vm, Consumer<String> onSelect) {
        this.vm = vm;
        setId("nodeTiles");
        getStyleClass().add("tiles-pane");
        probes.getChildren().addAll(ready, cordoned, notReady, empty, selected, driver);
        probes.setManaged(false);
        probes.setVisible(false);
        StackPane content = new StackPane(probes, canvas);
        content.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        setContent(content);
        setFitToWidth(true);
        viewportBoundsProperty().addListener((o, a, b) -> markDirty());
        canvas.setOnMouseClicked(e -> {
            NodeRow row = rowAt(e.getX(), e.getY());
            if (row != null) {
                onSelect.accept(row.name());
            }
        });
        canvas.setOnMouseMoved(e -> {
            NodeRow row = rowAt(e.getX(), e.getY());
            tooltip.setText(row == null ? "" : describe(row.summary()));
        });
        Tooltip.install(canvas, tooltip);
        sceneProperty().addListener((o, a, s) -> markDirty());
        vm.filteredRows().addListener((javafx.collections.ListChangeListener<NodeRow>) c -> markDirty());
        vm.revisionProperty().addListener((o, a, b) -> markDirty());
    }

    void select(String name) {
        selectedName = name;
        markDirty();
    }

    void markDirty() {
        dirty = true;
        if (isVisible() && getScene() != null) {
            redraw();
        }
    }


    private int perRow() {
        double width = Math.max(getViewportBounds().getWidth(), TILE + GAP);
        return Math.max(1, (int) ((width - GAP) / (TILE + GAP)));
    }

    private void redraw() {
        dirty = false;
        probes.applyCss();
        List<NodeRow> rows = vm.filteredRows();
        int perRow = perRow();
        int lines = (rows.size() + perRow - 1) / perRow;
        canvas.setWidth(perRow * (TILE + GAP) + GAP);
        canvas.setHeight(Math.max(lines, 1) * (TILE + GAP) + GAP);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        for (int i = 0; i < rows.size(); i++) {
            NodeSummary s = rows.get(i).summary();
            double x = GAP + (i % perRow) * (TILE + GAP);
            double y = GAP + (i / perRow) * (TILE + GAP);
            Paint colour = colour(s);
            g.setFill(empty.getTextFill());
            g.fillRect(x, y, TILE, TILE);
            double used = s.slicesText().isEmpty() ? 1.0 : s.sliceUtilisation();
            double h = Math.max(2, Math.min(1.0, used) * TILE);
            g.setFill(colour);
            g.fillRect(x, y + TILE - h, TILE, h);
            if (s.name().equals(selectedName)) {
                g.setStroke(selected.getTextFill());
                g.setLineWidth(2);
                g.strokeRect(x - 1, y - 1, TILE + 2, TILE + 2);
            }
        }
    }

    private Paint colour(NodeSummary s) {
        if (!s.driverProblem().isEmpty()) {
            return driver.getTextFill();
        }
        return switch (s.state()) {
            case READY -> ready.getTextFill();
            case CORDONED, DRAINING -> cordoned.getTextFill();
            case NOT_READY, UNKNOWN -> notReady.getTextFill();
        };
    }

    private NodeRow rowAt(double x, double y) {
        int col = (int) ((x - GAP) / (TILE + GAP));
        int line = (int) ((y - GAP) / (TILE + GAP));
        int perRow = perRow();
        if (col < 0 || col >= perRow || line < 0) {
            return null;
        }
        int index = line * perRow + col;
        List<NodeRow> rows = vm.filteredRows();
        return index < rows.size() ? rows.get(index) : null;
    }

    static String describe(NodeSummary s) {
        String slices = s.slicesText().isEmpty() ? "no accelerators" : "slices " + s.slicesText();
        String text = s.name() + "\n" + s.state().label() + " · " + s.node().instanceType() + " · " + slices
                + " · " + s.sessions() + " sessions";
        return s.driverProblem().isEmpty() ? text : text + "\n" + s.driverProblem();
    }

    private static Label probe(String kind) {
        Label l = new Label();
        l.getStyleClass().addAll("tile-probe", kind);
        l.setTextFill(Color.GRAY);
        return l;
    }

}
