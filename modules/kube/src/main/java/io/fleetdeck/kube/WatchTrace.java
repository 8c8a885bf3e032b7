package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opt-in record of when each update of an object reached this process's informers ({@code -Dfleetdeck.trace.watch=true}),
 * so the fleet benchmark can time watch event → view from the console's own watch rather than from a second watch
 * that the server may serve earlier. Keyed by uid and resourceVersion. Off by default: then it costs one branch.
 */
public final class WatchTrace {
    static final boolean ENABLED = Boolean.getBoolean("fleetdeck.trace.watch");
    private static final int MAX = 1_000_000;
    private static final Map<String, Long> ARRIVALS = new ConcurrentHashMap<>();

    private WatchTrace() {
    }

    static void arrived(HasMetadata object) {
        if (ENABLED && ARRIVALS.size() < MAX) {
            ARRIVALS.putIfAbsent(key(object.getMetadata().getUid(), object.getMetadata().getResourceVersion()),
                    System.nanoTime());
        }
    }

    /** When the change that gave the object this resourceVersion reached the informer ({@link System#nanoTime()}). */
    public static Long take(String uid, String resourceVersion) {
        return ARRIVALS.remove(key(uid, resourceVersion));
    }

    public static boolean enabled() {
        return ENABLED;
    }

    private static String key(String uid, String resourceVersion) {
        return uid + "@" + resourceVersion;
    }
}
