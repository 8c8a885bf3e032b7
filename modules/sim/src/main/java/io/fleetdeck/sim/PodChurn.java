package io.fleetdeck.sim;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Patches {@code fleetdeck.io/churn-at=<epoch micros>} onto random session pods through the API at a
 * fixed rate, so a watcher can measure end-to-end watch latency against the stamp.
 */
final class PodChurn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PodChurn.class);
    private static final long TICK_MILLIS = 10;

    private static final int MAX_IN_FLIGHT = 64;

    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("fleetdeck-sim-churn").factory());
    /** Patches run on virtual threads so the rate holds while requests are in flight; bounded, so a slow server sheds load. */
    private final ExecutorService patchers = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final KubernetesClient client;
    private final ObjectStore store;
    private final Random random = new Random(7);
    private final double perTick;
    private double owed;
    private List<StoredObject> sessions = List.of();

    PodChurn(KubernetesClient client, ObjectStore store, int updatesPerSecond) {
        if (updatesPerSecond <= 0) {
            throw new IllegalArgumentException("updatesPerSecond must be positive");
        }
        this.client = client;
        this.store = store;
        this.perTick = updatesPerSecond * TICK_MILLIS / 1000.0;
    }

    PodChurn start() {
        executor.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        owed += perTick;
        while (owed >= 1) {
            owed -= 1;
            // Re-read the running sessions now and then: pods come and go under drains and scaling.
            if (sessions.isEmpty() || random.nextInt(500) == 0) {
                sessions = store.all(ResourceCatalog.PODS, "streaming").stream()
                        .filter(p -> p.phase().equals("Running") && !p.terminating()).toList();
                if (sessions.isEmpty()) {
                    return;
                }
            }
            StoredObject pod = sessions.get(random.nextInt(sessions.size()));
            if (!inFlight.tryAcquire()) {
                return;
            }
            patchers.execute(() -> patch(pod));
        }
    }

    private void patch(StoredObject pod) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        try {
            client.pods().inNamespace(pod.namespace()).withName(pod.name()).patch(PatchContext.of(PatchType.JSON_MERGE),
                    "{\"metadata\":{\"annotations\":{\"fleetdeck.io/churn-at\":\"" + micros + "\"}}}");
        } catch (RuntimeException e) {
            LOG.debug("churn patch of {} failed: {}", pod.name(), e.getMessage());
        } finally {
            inFlight.release();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        patchers.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            patchers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
