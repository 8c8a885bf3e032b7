package io.fleetdeck.core.audit;

/** Where audited actions are written. */
public interface AuditLog {
    void record(AuditEntry entry);
}
