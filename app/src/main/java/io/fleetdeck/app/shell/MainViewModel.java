package io.fleetdeck.app.shell;

import io.fleetdeck.app.fx.FleetPulse;
import io.fleetdeck.app.fx.TaskRunner;
import io.fleetdeck.app.nodes.NodeDetailsSource;
import io.fleetdeck.app.nodes.NodeDetailsViewModel;
import io.fleetdeck.app.nodes.NodesViewModel;
import io.fleetdeck.app.session.ClusterSession;
import io.fleetdeck.app.session.SessionOpener;
import io.fleetdeck.app.slices.SettingsEditor;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterTarget;
import io.fleetdeck.core.cluster.ConnectionState;
import io.fleetdeck.core.cluster.ConnectionStatus;
import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.settings.SettingsFile;
import io.fleetdeck.core.store.FleetDelta;
import io.fleetdeck.core.store.FleetTotals;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The main window's state: which cluster is shown, how the connection stands, and the error to show when
 * it fails. Switching cluster closes the old session in the background and never blocks the UI.
 */
public final class MainViewModel implements AutoCloseable {
    private final TaskRunner tasks;
    private final Executor uiExecutor;
    private final SessionOpener opener;
    private final Supplier<TargetList> targetLister;
    private final NodesViewModel nodes = new NodesViewModel();
    private final NodeDetailsViewModel details;
    private final io.fleetdeck.app.timeslicing.TimeSlicingViewModel timeSlicing;
    private final io.fleetdeck.app.streams.StreamsViewModel streams;
    private final io.fleetdeck.app.encodelab.EncodeLabViewModel encodeLab;
    private final SettingsEditor settings;
    private final io.fleetdeck.app.slices.SlicesViewModel slices;
    private final ObservableList<ClusterTarget> targets = FXCollections.observableArrayList();
    private final ObjectProperty<ClusterTarget> current = new SimpleObjectProperty<>(this, "current");
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(this, "state",
            ConnectionState.CLOSED);
    private final StringProperty connectionText = new SimpleStringProperty(this, "connectionText", "Not connected");
    private final StringProperty totalsText = new SimpleStringProperty(this, "totalsText", "");
    private final StringProperty serverText = new SimpleStringProperty(this, "serverText", "");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final StringProperty settingsNotice = new SimpleStringProperty(this, "settingsNotice", "");
    private final io.fleetdeck.app.fx.PulseStats pulseStats = new io.fleetdeck.app.fx.PulseStats();
    private ClusterSession session;
    private FleetPulse pulse;
    private long generation;

    /** A console whose density and cost settings live for this session only (tests). */
    public MainViewModel(TaskRunner tasks, Executor uiExecutor, SessionOpener opener,
                         Supplier<TargetList> targetLister, io.fleetdeck.core.media.PreviewSource previews,
                         io.fleetdeck.app.encodelab.EncodeLabViewModel encodeLab) {
        this(tasks, uiExecutor, opener, targetLister, previews, encodeLab, null);
    }

    /** {@code settingsFile}: where the density and cost settings are read and saved; null keeps them unstored. */
    public MainViewModel(TaskRunner tasks, Executor uiExecutor, SessionOpener opener,
                         Supplier<TargetList> targetLister, io.fleetdeck.core.media.PreviewSource previews,
                         io.fleetdeck.app.encodelab.EncodeLabViewModel encodeLab, SettingsFile settingsFile) {
        this.settings = new SettingsEditor(tasks, settingsFile);
        this.slices = new io.fleetdeck.app.slices.SlicesViewModel(settings, nodes.rows());
        // A settings file that cannot be used is told once, above the tabs; the Slices panel keeps saying it.
        settings.problemProperty().addListener((o, a, problem) -> settingsNotice.set(problem));
        this.streams = new io.fleetdeck.app.streams.StreamsViewModel(previews);
        this.encodeLab = encodeLab;
        this.tasks = tasks;
        this.uiExecutor = uiExecutor;
        this.opener = opener;
        this.targetLister = targetLister;
        this.details = new NodeDetailsViewModel(tasks);
        this.timeSlicing = new io.fleetdeck.app.timeslicing.TimeSlicingViewModel(tasks,
                settings.densityTargetsProperty(),
                () -> nodes.rows().stream().map(io.fleetdeck.app.nodes.NodeRow::summary).toList());
    }

    public NodesViewModel nodes() {
        return nodes;
    }

    public NodeDetailsViewModel details() {
        return details;
    }

    public io.fleetdeck.app.slices.SlicesViewModel slices() {
        return slices;
    }

    /** The density and cost settings in effect (observable) and their editing. */
    public SettingsEditor settings() {
        return settings;
    }

    /** Why the settings file could not be used, until dismissed or fixed; "" when all is well. */
    public StringProperty settingsNoticeProperty() {
        return settingsNotice;
    }

    /** Reads the settings file in the background; until it is read (or when it is unusable) the defaults apply. */
    public void loadSettings() {
        settings.load();
    }

    public io.fleetdeck.app.encodelab.EncodeLabViewModel encodeLab() {
        return encodeLab;
    }

    public io.fleetdeck.app.streams.StreamsViewModel streams() {
        return streams;
    }

    public io.fleetdeck.app.timeslicing.TimeSlicingViewModel timeSlicing() {
        return timeSlicing;
    }

    public ObservableList<ClusterTarget> targets() {
        return targets;
    }

    public ObjectProperty<ClusterTarget> currentProperty() {
        return current;
    }

    public ObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public StringProperty connectionTextProperty() {
        return connectionText;
    }

    public StringProperty totalsTextProperty() {
        return totalsText;
    }

    public StringProperty serverTextProperty() {
        return serverText;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** The connected session, if any (for features that read the store or act on the cluster). */
    public java.util.Optional<ClusterSession> session() {
        return java.util.Optional.ofNullable(session);
    }

    /** Re-reads the kubeconfig's contexts; a broken kubeconfig is reported and the demo fleet stays offered. */
    public void reloadTargets() {
        tasks.run(targetLister::get, list -> {
            ClusterTarget keep = current.get();
            targets.setAll(list.targets());
            if (keep != null && !targets.contains(keep)) {
                targets.add(keep);
            }
            if (!list.problem().isEmpty()) {
                error.set(list.problem());
            }
        }, e -> error.set(e.getMessage()));
    }

    /** Shows another cluster. Safe to call repeatedly: a late answer for an older choice is discarded. */
    public void connect(ClusterTarget target) {
        long gen = ++generation;
        closeSession(true);
        nodes.clear();
        slices.clear();
        details.setSource(null);
        timeSlicing.setCommands(null);
        streams.setStore(null);
        current.set(target);
        error.set("");
        totalsText.set("");
        serverText.set("");
        state.set(ConnectionState.CONNECTING);
        connectionText.set(target.demo() ? "Starting the embedded demo fleet…" : "Connecting to " + target.context() + "…");
        tasks.run(() -> opener.open(target), opened -> {
            if (gen != generation) {
                Thread.ofVirtual().start(opened::close);
                return;
            }
            session = opened;
            serverText.set(opened.gateway().serverUrl());
            details.setSource(sourceFor(opened));
            timeSlicing.setCommands(opened.configMaps());
            streams.setStore(opened.store());
            // A delta posted just before a switch must not paint the old cluster into the new view.
            pulse = new FleetPulse(opened.store(), uiExecutor, d -> {
                if (gen == generation) {
                    applyDelta(d);
                }
            }).start(FleetPulse.DEFAULT_PERIOD_MS);
        }, failure -> {
            if (gen != generation) {
                return;
            }
            state.set(ConnectionState.FAILED);
            connectionText.set("Not connected");
            error.set(describe(target, failure));
        });
    }

    /** One pulse: rows, details and the status bar. Runs on the UI thread. */
    public void applyDelta(FleetDelta delta) {
        long started = System.nanoTime();
        try {
            applyNow(delta);
        } finally {
            pulseStats.record(System.nanoTime() - started);
        }
    }

    /** Time spent applying pulses on the UI thread (read it on the UI thread). */
    public io.fleetdeck.app.fx.PulseStats pulseStats() {
        return pulseStats;
    }

    private void applyNow(FleetDelta delta) {
        nodes.apply(delta);
        slices.apply(delta);
        streams.apply(delta);
        details.onDelta(delta);
        ConnectionStatus c = delta.connection();
        state.set(c.state());
        connectionText.set(statusText(c, delta, Instant.now()));
        FleetTotals t = delta.totals();
        totalsText.set(t.nodes() + " nodes (" + t.readyNodes() + " ready, " + t.cordonedNodes() + " cordoned) · "
                + t.pods() + " pods · " + t.sessions() + " sessions" + (t.pendingPods() > 0
                ? " · " + t.pendingPods() + " pending" : ""));
    }

    static String statusText(ConnectionStatus c, FleetDelta delta, Instant now) {
        String stale = c.lastFresh() == null ? "" : ", data from " + ago(Duration.between(c.lastFresh(), now));
        return switch (c.state()) {
            case LIVE -> !delta.nodesSynced() ? "Live · loading nodes…"
                    : !delta.podsSynced() ? "Live · loading pods…" : "Live";
            case CONNECTING -> c.message().isEmpty() ? "Connecting…" : c.message();
            case RECONNECTING -> "Reconnecting" + (c.message().isEmpty() ? "" : " (" + c.message() + ")") + stale;
            case FAILED -> "Failed: " + c.message() + stale;
            case CLOSED -> "Closed";
        };
    }

    private static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s ago" : (s / 60) + " min ago";
    }

    static String describe(ClusterTarget target, Throwable failure) {
        String what = target.displayName();
        if (failure instanceof ClusterException ce) {
            return "Cannot show " + what + ": " + ce.getMessage();
        }
        String msg = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "Cannot show " + what + ": " + msg;
    }

    private static NodeDetailsSource sourceFor(ClusterSession s) {
        return new NodeDetailsSource() {
            @Override
            public List<PodInfo> podsOn(String nodeName) {
                return s.store().podsOn(nodeName);
            }

            @Override
            public List<ClusterEvent> recentEvents(String nodeName) throws ClusterException {
                return s.gateway().recentEvents(nodeName);
            }

            @Override
            public void setCordoned(String nodeName, boolean cordoned) throws ClusterException {
                s.commands().setCordoned(nodeName, cordoned);
            }
        };
    }

    /** Stops the pulse and closes the session: in the background on a switch, at once on exit. */
    private void closeSession(boolean inBackground) {
        FleetPulse p = pulse;
        ClusterSession s = session;
        pulse = null;
        session = null;
        if (p != null) {
            p.close();
        }
        if (s != null && inBackground) {
            Thread.ofVirtual().name("fleetdeck-close").start(s::close);
        } else if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() {
        generation++;
        streams.stopAll();
        encodeLab.stopAll();
        closeSession(false);
    }
}
