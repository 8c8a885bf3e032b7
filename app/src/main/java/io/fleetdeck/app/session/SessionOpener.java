package io.fleetdeck.app.session;

import io.fleetdeck.core.actions.ConfigMapCommands;
import io.fleetdeck.core.actions.NodeCommands;
import io.fleetdeck.core.audit.AuditLog;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterGateway;
import io.fleetdeck.core.cluster.ClusterTarget;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.store.FleetStore;

import java.time.Clock;

/** Opens a {@link ClusterSession} for a target. Blocking: call it off the UI thread. */
public final class SessionOpener {
    /** Makes the gateway for a target (the fabric8 one in the console, others in tests). */
    @FunctionalInterface
    public interface GatewayFactory {
        ClusterGateway open(ClusterTarget target, AcceleratorPatterns patterns) throws ClusterException;
    }

    /** Starts (once) the embedded demo fleet and tells where it is. */
    @FunctionalInterface
    public interface DemoFleet {
        ClusterTarget start() throws Exception;
    }

    private final GatewayFactory gateways;
    private final DemoFleet demo;
    private final AcceleratorPatterns patterns;
    private final AuditLog audit;
    private final String user;

    public SessionOpener(GatewayFactory gateways, DemoFleet demo, AcceleratorPatterns patterns, AuditLog audit,
                         String user) {
        this.gateways = gateways;
        this.demo = demo;
        this.patterns = patterns;
        this.audit = audit;
        this.user = user;
    }

    public ClusterSession open(ClusterTarget target) throws Exception {
        ClusterTarget resolved = target.demo() ? demo.start() : target;
        ClusterGateway gateway = gateways.open(resolved, patterns);
        FleetStore store = new FleetStore(patterns);
        try {
            gateway.start(store);
        } catch (ClusterException | RuntimeException e) {
            gateway.close();
            throw e;
        }
        return new ClusterSession(gateway, store, new NodeCommands(gateway, audit, user, Clock.systemUTC()),
                new ConfigMapCommands(gateway, audit, user, Clock.systemUTC()));
    }
}
