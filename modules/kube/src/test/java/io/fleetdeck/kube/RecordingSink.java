package io.fleetdeck.kube;

import io.fleetdeck.core.cluster.ConnectionStatus;
import io.fleetdeck.core.store.FleetChange;
import io.fleetdeck.core.store.FleetSink;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Records every sink call in order, for asserting what arrived and when. */
final class RecordingSink implements FleetSink {
    sealed interface Call {
    }

    record Applied(List<FleetChange> batch) implements Call {
    }

    record Synced(SyncedKind kind) implements Call {
    }

    record Connection(ConnectionStatus status) implements Call {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void apply(List<FleetChange> batch) {
        record(new Applied(List.copyOf(batch)));
    }

    @Override
    public void synced(SyncedKind kind) {
        record(new Synced(kind));
    }

    @Override
    public void connection(ConnectionStatus status) {
        record(new Connection(status));
    }

    private void record(Call call) {
        threads.add(Thread.currentThread().getName());
        calls.add(call);
    }

    List<FleetChange> changes() {
        return calls.stream().filter(Applied.class::isInstance)
                .flatMap(c -> ((Applied) c).batch().stream()).toList();
    }

    int indexOf(Predicate<Call> p) {
        for (int i = 0; i < calls.size(); i++) {
            if (p.test(calls.get(i))) {
                return i;
            }
        }
        return -1;
    }

    boolean hasSynced(SyncedKind kind) {
        return calls.contains(new Synced(kind));
    }

    static void await(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
