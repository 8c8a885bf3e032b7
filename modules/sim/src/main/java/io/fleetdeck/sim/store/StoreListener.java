package io.fleetdeck.sim.store;

/** Told of every change, synchronously and under the store's write lock: implementations only enqueue. */
@FunctionalInterface
public interface StoreListener {
    void onChange(WatchEvent event);
}
