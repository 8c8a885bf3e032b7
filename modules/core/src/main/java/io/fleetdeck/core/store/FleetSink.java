package io.fleetdeck.core.store;

import io.fleetdeck.core.cluster.ConnectionStatus;

import java.util.List;

/** Where a cluster adapter delivers what it watches. Called from one adapter thread at a time. */
public interface FleetSink {
    /** A batch of coalesced changes, applied together. */
    void apply(List<FleetChange> batch);

    /** The initial list of this kind of object has been delivered in full. */
    void synced(SyncedKind kind);

    void connection(ConnectionStatus status);

    enum SyncedKind { NODES, PODS }
}
