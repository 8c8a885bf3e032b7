package io.fleetdeck.app.session;

import io.fleetdeck.core.actions.ConfigMapCommands;
import io.fleetdeck.core.actions.NodeCommands;
import io.fleetdeck.core.cluster.ClusterGateway;
import io.fleetdeck.core.store.FleetStore;

/** One connected cluster: its gateway, the store it feeds, and the commands that act on it. */
public record ClusterSession(ClusterGateway gateway, FleetStore store, NodeCommands commands,
                             ConfigMapCommands configMaps) implements AutoCloseable {
    @Override
    public void close() {
        gateway.close();
    }
}
