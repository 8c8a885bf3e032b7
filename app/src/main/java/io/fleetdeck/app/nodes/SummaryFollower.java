package io.fleetdeck.app.nodes;

import io.fleetdeck.core.model.NodeSummary;
import javafx.beans.value.ChangeListener;

import java.util.function.Consumer;

/**
 * For a reused cell showing a {@link NodeRow}: listens to the row it shows now and to no other, and renders
 * its summary, so a node's change repaints exactly the cells that show it.
 */
public final class SummaryFollower {
    private final Consumer<NodeSummary> render;
    private final ChangeListener<NodeSummary> listener;

    public SummaryFollower(Consumer<NodeSummary> render) {
        this.render = render;
        this.listener = (o, a, s) -> render.accept(s);
    }

    /** The cell moved from {@code old} to {@code now} (either may be null): move the listener and render. */
    public void follow(NodeRow old, NodeRow now) {
        if (old != null) {
            old.summaryProperty().removeListener(listener);
        }
        if (now != null) {
            now.summaryProperty().addListener(listener);
        }
        render.accept(now == null ? null : now.summary());
    }
}
