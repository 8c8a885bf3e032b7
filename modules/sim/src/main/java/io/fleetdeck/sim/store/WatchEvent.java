package io.fleetdeck.sim.store;

/**
 * One change as a watch sends it. {@code previous} is the state before a MODIFIED change (null
 * otherwise) so selector watches can tell an object leaving their selection.
 */
public record WatchEvent(String type, StoredObject object, StoredObject previous) {
    public static final String ADDED = "ADDED";
    public static final String MODIFIED = "MODIFIED";
    public static final String DELETED = "DELETED";

    public long resourceVersion() {
        return object.resourceVersion();
    }
}
