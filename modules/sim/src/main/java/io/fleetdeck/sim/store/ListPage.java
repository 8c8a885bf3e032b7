package io.fleetdeck.sim.store;

import java.util.List;

/** One page of a list: its items, the token for the next page (empty when done) and the list's version. */
public record ListPage(List<StoredObject> items, String continueToken, long resourceVersion, long remaining) {
}
