package io.fleetdeck.sim.control;

import io.fleetdeck.sim.store.ObjectStore;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stand-ins for the cluster's controllers on one scheduled (virtual) thread: each tick every
 * controller reconciles what its queue says changed, so the cost follows the changes, not the fleet size.
 */
public final class FleetControllers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetControllers.class);
    static final long TICK_MILLIS = 100;

    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("fleetdeck-sim-controllers").factory());
    private final List<Controller> controllers;
    private final EventRecorder events;

    public FleetControllers(ObjectStore store, long seed) {
        EventRecorder events = new EventRecorder(store, 2000);
        this.events = events;
        this.controllers = List.of(
                new NodeLifecycleController(store, events),
                new DevicePluginController(store),
                new WorkloadController(store, events, seed),
                new SchedulerController(store, events),
                new KubeletController(store, events),
                new DisruptionBudgetController(store),
                new KarpenterController(store, events));
        store.addListener(e -> controllers.forEach(c -> c.enqueue(e)));
    }

    /** The recorder the controllers write Events with (and the Events they keep). */
    public EventRecorder events() {
        return events;
    }

    public FleetControllers start() {
        executor.scheduleWithFixedDelay(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        for (Controller c : controllers) {
            try {
                c.reconcile();
            } catch (RuntimeException e) {
                LOG.warn("{} failed to reconcile", c.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
