package io.fleetdeck.sim.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Keys waiting for a reconcile; a key queued twice is reconciled once (the latest state is read then). */
final class DirtyQueue {
    private final LinkedHashSet<String> keys = new LinkedHashSet<>();

    synchronized void add(String key) {
        keys.add(key);
    }

    synchronized void remove(String key) {
        keys.remove(key);
    }

    synchronized boolean isEmpty() {
        return keys.isEmpty();
    }

    /** Takes up to {@code max} keys in arrival order. */
    synchronized List<String> drain(int max) {
        List<String> out = new ArrayList<>(Math.min(max, keys.size()));
        var it = keys.iterator();
        while (it.hasNext() && out.size() < max) {
            out.add(it.next());
            it.remove();
        }
        return out;
    }
}
