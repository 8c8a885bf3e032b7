package io.fleetdeck.app.streams;

import io.fleetdeck.core.media.PreviewRequest;
import io.fleetdeck.core.media.PreviewSource;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.store.FleetDelta;
import io.fleetdeck.core.store.FleetStore;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The multiviewer: a tile per session pod that carries {@code fleetdeck.io/preview-url}, filtered by node,
 * pool or name. Only tiles the view reports visible decode (keyframes only, at tile size); the selected
 * stream decodes in full at a larger size for the detail pane.
 */
public final class StreamsViewModel {
    public static final PreviewRequest TILE = PreviewRequest.tile(320, 180);
    public static final PreviewRequest DETAIL = new PreviewRequest(640, 360, false, true);

    private final PreviewSource source;
    private final ObservableList<StreamTile> tiles = FXCollections.observableArrayList();
    private final FilteredList<StreamTile> shown = new FilteredList<>(tiles);
    private final Map<String, StreamTile> byKey = new HashMap<>();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final Map<String, String> poolOfNode = new HashMap<>();
    private FleetStore store;
    private StreamTile detail;

    public StreamsViewModel(PreviewSource source) {
        this.source = source;
        filter.addListener((o, a, f) -> shown.setPredicate(matcher(f)));
    }

    public FilteredList<StreamTile> shownTiles() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public void setStore(FleetStore store) {
        this.store = store;
        stopAll();
        tiles.clear();
        byKey.clear();
        poolOfNode.clear();
    }

    /** A pulse: tiles follow the session pods with preview URLs, which come with the delta when they change. */
    public void apply(FleetDelta delta) {
        delta.changed().forEach(s -> poolOfNode.put(s.name(), s.node().nodePool()));
        if (store == null || !delta.previewableChanged()) {
            return;
        }
        List<PodInfo> pods = delta.previewable();
        Set<String> seen = new HashSet<>();
        List<StreamTile> added = new ArrayList<>();
        for (PodInfo p : pods) {
            seen.add(p.key());
            StreamTile t = byKey.get(p.key());
            if (t == null) {
                t = new StreamTile(p, TILE);
                byKey.put(p.key(), t);
                added.add(t);
            } else if (!p.equals(t.pod())) {
                boolean urlChanged = !p.previewUrl().equals(t.pod().previewUrl());
                t.update(p);
                if (urlChanged && t.isDecoding()) {
                    t.stop();
                    t.start(source);
                }
            }
        }
        tiles.addAll(added);
        List<StreamTile> gone = tiles.stream().filter(t -> !seen.contains(t.key())).toList();
        gone.forEach(StreamTile::stop);
        gone.forEach(t -> byKey.remove(t.key()));
        if (!gone.isEmpty()) {
            tiles.removeAll(new HashSet<>(gone));
        }
        if (!filter.get().isBlank()) {
            shown.setPredicate(matcher(filter.get()));
        }
    }

    /**
     * The view tells which tiles are on screen; the others stop decoding. The stream open in the detail pane
     * is not decoded by its tile too: a UDP stream reaches only one receiving socket.
     */
    public void setVisible(Set<StreamTile> visible) {
        String detailKey = detail == null ? null : detail.key();
        for (StreamTile t : tiles) {
            if (t.key().equals(detailKey)) {
                t.stop("Shown in the detail pane");
            } else if (visible.contains(t)) {
                t.start(source);
            } else {
                t.stop();
            }
        }
    }

    /** Opens a stream in the detail pane at a larger size, full decode; null closes it. */
    public StreamTile openDetail(StreamTile tile) {
        if (detail != null) {
            detail.stop();
        }
        // The tile has seen the stream's codec: the full decode can start on the GPU's decoder where there is one.
        detail = tile == null ? null : new StreamTile(tile.pod(), DETAIL.withCodecHint(tile.statusProperty().get().codec()));
        if (detail != null) {
            tile.stop("Shown in the detail pane");
            detail.start(source);
        }
        return detail;
    }

    /** Takes new frames and statuses for the visible tiles; returns the tiles whose picture changed. */
    public List<StreamTile> refresh() {
        List<StreamTile> changed = new ArrayList<>();
        for (StreamTile t : tiles) {
            if (t.refresh()) {
                changed.add(t);
            }
        }
        if (detail != null && detail.refresh()) {
            changed.add(detail);
        }
        return changed;
    }

    public void stopAll() {
        tiles.forEach(StreamTile::stop);
        openDetail(null);
    }

    private java.util.function.Predicate<StreamTile> matcher(String query) {
        if (query == null || query.isBlank()) {
            return t -> true;
        }
        String[] terms = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return t -> {
            PodInfo p = t.pod();
            String text = (p.streamName() + " " + p.name() + " " + p.namespace() + " " + p.nodeName() + " "
                    + poolOfNode.getOrDefault(String.valueOf(p.nodeName()), "") + " " + t.statusProperty().get().state())
                    .toLowerCase(Locale.ROOT);
            for (String term : terms) {
                if (!text.contains(term)) {
                    return false;
                }
            }
            return true;
        };
    }
}
