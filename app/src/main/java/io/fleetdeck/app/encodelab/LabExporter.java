package io.fleetdeck.app.encodelab;

import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.media.metrics.EncodeMetrics;
import io.fleetdeck.media.metrics.MetricsEndpoint;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The lab's Prometheus exporter: every test stream of the lab is exported while it runs; the scrape endpoint is
 * served only when the operator turns it on, on loopback unless another address is given.
 */
public final class LabExporter {
    private final TaskRunner tasks;
    private final EncodeMetrics metrics = new EncodeMetrics();
    private final StringProperty address = new SimpleStringProperty(this, "address", MetricsEndpoint.LOOPBACK);
    private final IntegerProperty port = new SimpleIntegerProperty(this, "port", MetricsEndpoint.DEFAULT_PORT);
    private final ReadOnlyBooleanWrapper serving = new ReadOnlyBooleanWrapper(this, "serving");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Not exported");
    private MetricsEndpoint endpoint;

    LabExporter(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public IntegerProperty portProperty() {
        return port;
    }

    public ReadOnlyBooleanProperty servingProperty() {
        return serving.getReadOnlyProperty();
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void attach(EncodeSession session) {
        metrics.attach(session);
    }

    void detach(EncodeSession session) {
        metrics.detach(session);
    }

    /** Serves the endpoint if it is off, stops it if it is on. */
    public void toggle() {
        if (busy.get()) {
            return;
        }
        if (endpoint != null) {
            stop();
            return;
        }
        String host = address.get() == null || address.get().isBlank() ? MetricsEndpoint.LOOPBACK : address.get().trim();
        int p = port.get();
        busy.set(true);
        status.set("Opening " + host + ":" + p + "…");
        tasks.run(() -> MetricsEndpoint.start(host, p, metrics), ep -> {
            busy.set(false);
            endpoint = ep;
            serving.set(true);
            status.set("Prometheus can scrape " + ep.url());
        }, e -> {
            busy.set(false);
            status.set("Not exported: " + e.getMessage());
        });
    }

    /** Closes the endpoint (the streams keep running). */
    public void stop() {
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
        serving.set(false);
        status.set("Not exported");
    }
}
