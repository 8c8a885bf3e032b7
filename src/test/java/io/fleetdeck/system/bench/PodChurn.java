package io.fleetdeck.system.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends pod updates at a fixed rate, as a kubelet would: each one bumps a running session pod's
 * {@code restartCount} to a new value, remembered with its send time so the view's arrival can be timed.
 */
final class PodChurn implements AutoCloseable {
    /** An update in flight: which value the pod must show, when it was sent and answered, and its resourceVersion. */
    record Sent(int restarts, long sentNanos, long ackedNanos, String resourceVersion) {
    }

    final Map<String, Sent> pending = new ConcurrentHashMap<>();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    private final KubernetesClient client;
    private final List<Pod> pods;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final Semaphore inFlight = new Semaphore(256);
    private final Random random = new Random(7);
    private final AtomicInteger sequence = new AtomicInteger(1000);

    PodChurn(KubernetesClient client, List<Pod> sessionPods) {
        this.client = client;
        this.pods = sessionPods;
    }

    void start(int perSecond) {
        long periodMicros = 1_000_000L / perSecond;
        timer.scheduleAtFixedRate(this::sendOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void sendOne() {
        if (!inFlight.tryAcquire()) {
            failed.incrementAndGet();
            return;
        }
        Pod pod = pods.get(random.nextInt(pods.size()));
        int value = sequence.incrementAndGet();
        String uid = pod.getMetadata().getUid();
        Thread.ofVirtual().start(() -> {
            try {
                long t = System.nanoTime();
                Sent s = new Sent(value, t, Long.MAX_VALUE, null);
                pending.put(uid, s);
                Pod patched = client.pods().inNamespace(pod.getMetadata().getNamespace())
                        .withName(pod.getMetadata().getName())
                        .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":"
                                + "\"/status/containerStatuses/0/restartCount\",\"value\":" + value + "}]");
                // The server has committed the change (and emitted its watch event) when the PATCH answers.
                pending.replace(uid, s, new Sent(value, t, System.nanoTime(), patched.getMetadata().getResourceVersion()));
                sent.incrementAndGet();
            } catch (RuntimeException e) {
                pending.remove(uid);
                failed.incrementAndGet();
            } finally {
                inFlight.release();
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
