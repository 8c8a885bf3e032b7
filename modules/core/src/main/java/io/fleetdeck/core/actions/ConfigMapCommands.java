package io.fleetdeck.core.actions;

import io.fleetdeck.core.audit.AuditEntry;
import io.fleetdeck.core.audit.AuditLog;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterGateway;
import io.fleetdeck.core.cluster.ConfigMapData;

import java.time.Clock;

/** Edits of ConfigMaps (the device plugin's time-slicing config), audited like every mutation. */
public final class ConfigMapCommands {
    private final ClusterGateway gateway;
    private final AuditLog audit;
    private final String user;
    private final Clock clock;

    public ConfigMapCommands(ClusterGateway gateway, AuditLog audit, String user, Clock clock) {
        this.gateway = gateway;
        this.audit = audit;
        this.user = user;
        this.clock = clock;
    }

    public ConfigMapData read(String namespace, String name) throws ClusterException {
        return gateway.readConfigMap(namespace, name);
    }

    /**
     * Writes the edited data if the ConfigMap is unchanged since it was read. {@code change} says what
     * changed in words ("t4-28: replicas 28 → 30"), for the audit log and the Event.
     */
    public ConfigMapData apply(ConfigMapData edited, String change) throws ClusterException {
        ConfigMapData written;
        try {
            written = gateway.replaceConfigMapData(edited);
        } catch (ClusterException e) {
            record(edited, AuditEntry.FAILED, change + "; " + e.getMessage());
            throw e;
        }
        String detail = change;
        try {
            gateway.recordAction(edited.ref(), "FleetDeckConfigEdit", "Edited by " + user + " from FleetDeck: " + change);
        } catch (ClusterException e) {
            detail = change + "; event not recorded: " + e.getMessage();
        }
        record(edited, AuditEntry.OK, detail);
        return written;
    }

    private void record(ConfigMapData target, String outcome, String detail) {
        audit.record(new AuditEntry(clock.instant(), user, gateway.target().displayName(), "edit-configmap",
                target.ref().auditTarget(), outcome, detail));
    }
}
