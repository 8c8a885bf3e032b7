package io.fleetdeck.sim.control;

import io.fleetdeck.sim.store.WatchEvent;

/** A demo-cluster controller: told of changes (enqueue only), then reconciles on the controller thread. */
interface Controller {
    /** Called under the store's write lock: remember what to look at, nothing more. */
    void enqueue(WatchEvent event);

    /** Called on the controller thread; does a bounded amount of work. */
    void reconcile();
}
