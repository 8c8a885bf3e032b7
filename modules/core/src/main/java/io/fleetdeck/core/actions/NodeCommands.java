package io.fleetdeck.core.actions;

import io.fleetdeck.core.audit.AuditEntry;
import io.fleetdeck.core.audit.AuditLog;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterGateway;
import io.fleetdeck.core.cluster.ObjectRef;

import java.time.Clock;

/**
 * Node actions as the console offers them. Every call is audited: a line in the local audit log, and a
 * Kubernetes Event on the node so that other operators' tools see who did what.
 */
public final class NodeCommands {
    private final ClusterGateway gateway;
    private final AuditLog audit;
    private final String user;
    private final Clock clock;

    public NodeCommands(ClusterGateway gateway, AuditLog audit, String user, Clock clock) {
        this.gateway = gateway;
        this.audit = audit;
        this.user = user;
        this.clock = clock;
    }

    public void setCordoned(String nodeName, boolean cordoned) throws ClusterException {
        String action = cordoned ? "cordon" : "uncordon";
        try {
            gateway.setCordoned(nodeName, cordoned);
        } catch (ClusterException e) {
            record(action, nodeName, AuditEntry.FAILED, e.getMessage());
            throw e;
        }
        String eventNote = "";
        try {
            gateway.recordAction(ObjectRef.node(nodeName), cordoned ? "FleetDeckCordon" : "FleetDeckUncordon",
                    "Node " + action + "ed by " + user + " from FleetDeck");
        } catch (ClusterException e) {
            // The action itself succeeded; the local log keeps the record and says the Event is missing.
            eventNote = "event not recorded: " + e.getMessage();
        }
        record(action, nodeName, AuditEntry.OK, eventNote);
    }

    private void record(String action, String target, String outcome, String detail) {
        audit.record(new AuditEntry(clock.instant(), user, gateway.target().displayName(), action,
                "node/" + target, outcome, detail));
    }
}
