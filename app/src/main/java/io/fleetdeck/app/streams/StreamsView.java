package io.fleetdeck.app.streams;

import io.fleetdeck.core.media.PreviewStatus;
import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The streams wall: live thumbnails of the visible streams (hidden ones stop decoding), filterable by
 * stream, node or pool; click (or Enter) opens a stream larger with its statistics.
 */
public final class StreamsView extends BorderPane {
    private static final long FRAME_NANOS = 100_000_000L;

    private final StreamsViewModel vm;
    private final TilePane wall = new TilePane(8, 8);
    private final ScrollPane scroll = new ScrollPane(wall);
    private final Map<StreamTile, StreamTileView> views = new HashMap<>();
    private final VBox detailBox = new VBox(6);
    private final Label detailStats = new Label();
    private StreamTileView detailView;
    private boolean active;
    /** Runs only while the wall is shown: an animation timer makes JavaFX render every frame. */
    private final AnimationTimer frames = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (now - last >= FRAME_NANOS) {
                last = now;
                frame();
            }
        }
    };

    public StreamsView(StreamsViewModel vm) {
        this.vm = vm;
        setId("streamsView");
        TextField filter = new TextField();
        filter.setId("streamFilter");
        filter.setPromptText("Filter streams by name, node, pool or state");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setPrefColumnCount(28);
        Label count = new Label();
        count.setId("streamCount");
        count.getStyleClass().add("fd-muted");
        count.textProperty().bind(javafx.beans.binding.Bindings.size(vm.shownTiles()).asString("%d streams"));
        Label hint = new Label("Tiles decode key frames only: click a tile or press Enter for the full stream");
        hint.getStyleClass().add("fd-muted");
        HBox bar = new HBox(12, filter, count, hint);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("toolbar-strip");
        setTop(bar);

        wall.setId("streamWall");
        wall.getStyleClass().add("stream-wall");
        scroll.setFitToWidth(true);
        scroll.vvalueProperty().addListener((o, a, b) -> updateVisible());
        scroll.viewportBoundsProperty().addListener((o, a, b) -> updateVisible());
        Label empty = new Label("No session pod carries a fleetdeck.io/preview-url annotation.");
        empty.getStyleClass().add("fd-muted");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.shownTiles()));
        vm.shownTiles().addListener((ListChangeListener<StreamTile>) c -> rebuild());
        setCenter(new javafx.scene.layout.StackPane(scroll, empty));

        Button close = new Button("Close");
        close.setId("closeStreamDetail");
        close.setOnAction(e -> showDetail(null));
        detailStats.setId("streamStats");
        detailStats.setWrapText(true);
        detailBox.setId("streamDetail");
        detailBox.getStyleClass().add("details-pane");
        detailBox.setPrefWidth(680);
        detailBox.setVisible(false);
        detailBox.managedProperty().bind(detailBox.visibleProperty());
        detailBox.getChildren().addAll(new HBox(8, close), detailStats);
        setRight(detailBox);

        rebuild();
    }

    /** The wall is on screen (its tab is selected) or not: off screen nothing decodes. */
    public void setActive(boolean active) {
        this.active = active;
        if (active) {
            frames.start();
            updateVisible();
        } else {
            frames.stop();
            vm.setVisible(Set.of());
        }
    }

    private void rebuild() {
        Map<StreamTile, StreamTileView> keep = new HashMap<>();
        var children = new java.util.ArrayList<Node>();
        for (StreamTile t : vm.shownTiles()) {
            StreamTileView v = views.get(t);
            if (v == null) {
                v = new StreamTileView(t);
                v.setOnMouseClicked(e -> showDetail(t));
                v.setFocusTraversable(true);
                v.setOnKeyPressed(e -> {
                    if (e.getCode() == KeyCode.ENTER) {
                        showDetail(t);
                    }
                });
            }
            keep.put(t, v);
            children.add(v);
        }
        views.clear();
        views.putAll(keep);
        wall.getChildren().setAll(children);
        updateVisible();
    }

    /** Tiles intersecting the viewport decode; the rest stop. */
    private void updateVisible() {
        if (!active || getScene() == null) {
            return;
        }
        wall.applyCss();
        wall.layout();
        Bounds viewport = scroll.getViewportBounds();
        double contentHeight = wall.getBoundsInLocal().getHeight();
        double top = Math.max(0, contentHeight - viewport.getHeight()) * scroll.getVvalue();
        double bottom = top + viewport.getHeight();
        Set<StreamTile> visible = new HashSet<>();
        for (StreamTileView v : views.values()) {
            Bounds b = v.getBoundsInParent();
            if (b.getMaxY() >= top && b.getMinY() <= bottom) {
                visible.add(v.tile());
            }
        }
        vm.setVisible(visible);
    }

    private void frame() {
        if (!active) {
            return;
        }
        for (StreamTile t : vm.refresh()) {
            StreamTileView v = t == (detailView == null ? null : detailView.tile()) ? detailView : views.get(t);
            if (v != null) {
                v.picture();
            }
        }
        if (detailView != null) {
            detailStats.setText(stats(detailView.tile().statusProperty().get(), detailView.tile().pod().targetFps(),
                    detailView.tile().pod().previewUrl()));
        }
    }

    private void showDetail(StreamTile tile) {
        if (detailView != null) {
            detailBox.getChildren().remove(detailView);
        }
        StreamTile big = vm.openDetail(tile);
        detailView = big == null ? null : new StreamTileView(big);
        if (detailView != null) {
            detailBox.getChildren().add(1, detailView);
        }
        detailBox.setVisible(detailView != null);
        updateVisible();
    }

    static String stats(PreviewStatus s, int targetFps, String url) {
        String lastGood = s.lastGood() == null ? "never" : Duration.between(s.lastGood(), Instant.now()).toSeconds()
                + " s ago";
        return String.format(Locale.ROOT, "%s%nURL: %s%nState: %s%nDecoded: %.1f fps (stream %.1f fps, target %s)%nSource: %s %dx%d%s%n"
                        + "Decoder: %s%nLast good picture: %s · reconnects: %d",
                s.message().isEmpty() ? "" : s.message(), url, s.state().label(), s.fps(), s.streamFps(),
                targetFps > 0 ? targetFps + " fps" : "not set", s.codec().isEmpty() ? "?" : s.codec(), s.sourceWidth(),
                s.sourceHeight(), s.bitrate() > 0 ? String.format(Locale.ROOT, " · %.0f kb/s", s.bitrate() / 1000.0) : "",
                s.decoder().isEmpty() ? "?" : s.decoder(), lastGood, s.reconnects());
    }
}
