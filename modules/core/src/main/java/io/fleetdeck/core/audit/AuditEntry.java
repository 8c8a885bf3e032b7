package io.fleetdeck.core.audit;

import java.time.Instant;

/** One mutating action an operator took, whether it worked or not. */
public record AuditEntry(Instant at, String user, String context, String action, String target, String outcome,
                         String detail) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";
}
