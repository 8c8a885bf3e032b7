package io.fleetdeck.app.nodes;

import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.model.PodInfo;

import java.util.List;

/** What the details pane reads and does for one node. */
public interface NodeDetailsSource {
    List<PodInfo> podsOn(String nodeName);

    List<ClusterEvent> recentEvents(String nodeName) throws ClusterException;

    void setCordoned(String nodeName, boolean cordoned) throws ClusterException;
}
