package io.fleetdeck.app.streams;

import io.fleetdeck.core.media.PreviewState;
import io.fleetdeck.core.media.PreviewStatus;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.IntBuffer;

/** A tile: the picture from the tile's own buffer, with the stream's name, rate and alarm on top. */
final class StreamTileView extends StackPane {
    private static final PseudoClass ALARM = PseudoClass.getPseudoClass("alarm");
    private static final PseudoClass PAUSED = PseudoClass.getPseudoClass("paused");

    private final StreamTile tile;
    private final PixelBuffer<IntBuffer> buffer;
    private final Label name = new Label();
    private final Label state = new Label();

    StreamTileView(StreamTile tile) {
        this.tile = tile;
        getStyleClass().add("stream-tile");
        int w = tile.request().width();
        int h = tile.request().height();
        buffer = new PixelBuffer<>(w, h, tile.pixels(), PixelFormat.getIntArgbPreInstance());
        ImageView image = new ImageView(new WritableImage(buffer));
        image.setFitWidth(w);
        image.setFitHeight(h);
        name.getStyleClass().add("stream-name");
        state.getStyleClass().add("stream-state");
        VBox overlay = new VBox(2, name, state);
        overlay.setAlignment(Pos.TOP_LEFT);
        overlay.getStyleClass().add("stream-overlay");
        overlay.setMaxSize(w, h);
        getChildren().addAll(image, overlay);
        setMaxSize(w, h);
        tile.statusProperty().addListener((o, a, s) -> show(s));
        tile.podProperty().addListener((o, a, p) -> show(tile.statusProperty().get()));
        show(tile.statusProperty().get());
    }

    StreamTile tile() {
        return tile;
    }

    /** The tile's buffer was rewritten: redraw it (no new image is made). */
    void picture() {
        buffer.updateBuffer(b -> null);
    }

    private void show(PreviewStatus s) {
        var p = tile.pod();
        name.setText(p.streamName() + "  ·  " + p.nodeName());
        state.setText(tile.overlay(s));
        pseudoClassStateChanged(ALARM, s.state().isAlarm());
        pseudoClassStateChanged(PAUSED, s.state() == PreviewState.STOPPED);
    }
}
