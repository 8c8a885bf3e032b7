package io.fleetdeck.app.encodelab;

import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.StreamStats;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** A test stream started from the lab, with its statistics refreshed once a second. */
public final class LabSession {
    private final EncodeSession session;
    private final ReadOnlyObjectWrapper<StreamStats> stats = new ReadOnlyObjectWrapper<>(this, "stats", StreamStats.EMPTY);

    LabSession(EncodeSession session) {
        this.session = session;
    }

    public String name() {
        return session.request().streamName();
    }

    public String output() {
        return session.request().output().location();
    }

    public String encoder() {
        return session.encoder().encoder() + (session.encoder().hardware() ? " (hardware)" : "");
    }

    public String profile() {
        return session.request().profile().name();
    }

    public ReadOnlyObjectProperty<StreamStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    EncodeSession session() {
        return session;
    }

    void refresh() {
        stats.set(session.stats());
    }
}
