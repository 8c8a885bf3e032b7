package io.fleetdeck.app.fx;

import io.fleetdeck.core.store.FleetDelta;
import io.fleetdeck.core.store.FleetStore;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The screen's heartbeat: every period it takes the store's delta on a background thread and hands it
 * to the UI in a single task. While the UI has not applied the previous delta no new one is posted, so
 * a burst of watch events never queues more than one UI task.
 */
public final class FleetPulse implements AutoCloseable {
    public static final long DEFAULT_PERIOD_MS = 100;
    /** Even with nothing new, the status bar's "updated N s ago" needs a tick now and then. */
    private static final long IDLE_TICK_MS = 1000;

    private final FleetStore store;
    private final Executor uiExecutor;
    private final Consumer<FleetDelta> onDelta;
    private final ScheduledExecutorService timer;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private long lastVersion = -1;
    private long lastPostNanos;

    public FleetPulse(FleetStore store, Executor uiExecutor, Consumer<FleetDelta> onDelta) {
        this.store = store;
        this.uiExecutor = uiExecutor;
        this.onDelta = onDelta;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fleetdeck-pulse");
            t.setDaemon(true);
            return t;
        });
    }

    public FleetPulse start(long periodMs) {
        timer.scheduleWithFixedDelay(this::tick, 0, periodMs, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One beat; public so tests can drive the pulse by hand. */
    public void tick() {
        if (inFlight.get()) {
            return;
        }
        long now = System.nanoTime();
        if (store.version() == lastVersion && now - lastPostNanos < TimeUnit.MILLISECONDS.toNanos(IDLE_TICK_MS)) {
            return;
        }
        FleetDelta delta = store.takeDelta();
        lastVersion = delta.version();
        lastPostNanos = now;
        inFlight.set(true);
        uiExecutor.execute(() -> {
            try {
                onDelta.accept(delta);
            } finally {
                inFlight.set(false);
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
