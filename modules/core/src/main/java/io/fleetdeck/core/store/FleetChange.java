package io.fleetdeck.core.store;

import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.PodInfo;

/** One change the cluster adapter folds into the store. */
public sealed interface FleetChange {
    record NodeUpserted(EncoderNode node) implements FleetChange {
    }

    record NodeDeleted(String name) implements FleetChange {
    }

    record PodUpserted(PodInfo pod) implements FleetChange {
    }

    record PodDeleted(String uid) implements FleetChange {
    }
}
