package io.fleetdeck.core.cluster;

import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.store.FleetSink;

import java.util.List;

/** The console's port to one Kubernetes cluster. Blocking methods: call them off the UI thread. */
public interface ClusterGateway extends AutoCloseable {
    ClusterTarget target();

    /** The API server's address, for the status bar. */
    String serverUrl();

    /**
     * Checks that the cluster answers, then starts watching nodes and pods. Deltas reach the sink on an
     * adapter thread; nodes are delivered before the (much longer) pod list has loaded.
     */
    void start(FleetSink sink) throws ClusterException;

    /** Cordons ({@code true}) or uncordons a node, like {@code kubectl cordon}. */
    void setCordoned(String nodeName, boolean cordoned) throws ClusterException;

    /** Recent Events about a node, newest first. */
    List<ClusterEvent> recentEvents(String nodeName) throws ClusterException;

    /** Records an audited action as a Kubernetes Event on the object, so other operators see it. */
    void recordAction(ObjectRef target, String reason, String message) throws ClusterException;

    /** Reads a ConfigMap; NOT_FOUND when it does not exist. */
    ConfigMapData readConfigMap(String namespace, String name) throws ClusterException;

    /**
     * Writes new data to a ConfigMap if it is still at the read resourceVersion; CONFLICT (and nothing
     * written) when someone changed it meanwhile. Returns the ConfigMap as written.
     */
    ConfigMapData replaceConfigMapData(ConfigMapData edited) throws ClusterException;

    @Override
    void close();
}
