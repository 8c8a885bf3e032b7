package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.model.ClusterEvent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Reads core/v1 Events about one node, newest first. */
final class NodeEvents {
    static final String COMPONENT = "fleetdeck";
    static final int MAX = 50;
    static final String NODE_EVENTS_NAMESPACE = "default";

    private final KubernetesClient client;
    private final ApiErrors errors;

    NodeEvents(KubernetesClient client, ApiErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    List<ClusterEvent> recent(String nodeName) throws ClusterException {
        List<Event> items;
        try {
            items = client.v1().events().inAnyNamespace()
                    .withField("involvedObject.kind", "Node")
                    .withField("involvedObject.name", nodeName)
                    .list().getItems();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 400) {
                throw errors.translate(e, "list events", null);
            }
            items = List.of();
        }
        if (items.isEmpty()) {
            // Servers that reject or mis-apply the selector (the mock answers nothing): node events live in
            // "default" (kubelet and FleetDeck write them there), so list that namespace and filter here.
            try {
                items = client.v1().events().inNamespace(NODE_EVENTS_NAMESPACE).list().getItems();
            } catch (KubernetesClientException again) {
                throw errors.translate(again, "list events in namespace " + NODE_EVENTS_NAMESPACE, null);
            }
        }
        // Filtered here too: a server may ignore the selector and answer with every event.
        return items.stream()
                .filter(e -> isAbout(e, nodeName))
                .map(NodeEvents::toClusterEvent)
                .sorted(Comparator.comparing(ClusterEvent::lastSeen, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(MAX)
                .toList();
    }

    private static boolean isAbout(Event e, String nodeName) {
        ObjectReference o = e.getInvolvedObject();
        return o != null && "Node".equals(o.getKind()) && nodeName.equals(o.getName());
    }

    static ClusterEvent toClusterEvent(Event e) {
        ObjectReference o = e.getInvolvedObject();
        String source = e.getReportingComponent();
        if ((source == null || source.isEmpty()) && e.getSource() != null) {
            source = e.getSource().getComponent();
        }
        return new ClusterEvent(e.getType(), e.getReason(), e.getMessage(), o.getKind(), o.getName(),
                source == null ? "" : source, e.getCount() == null ? 1 : e.getCount(), lastSeen(e));
    }

    /** lastTimestamp, else the newer eventTime (events.k8s.io writers), else first or creation time. */
    private static Instant lastSeen(Event e) {
        Instant t = Timestamps.parse(e.getLastTimestamp());
        if (t == null && e.getSeries() != null && e.getSeries().getLastObservedTime() != null) {
            t = Timestamps.parse(e.getSeries().getLastObservedTime().getTime());
        }
        if (t == null && e.getEventTime() != null) {
            t = Timestamps.parse(e.getEventTime().getTime());
        }
        if (t == null) {
            t = Timestamps.parse(e.getFirstTimestamp());
        }
        if (t == null && e.getMetadata() != null) {
            t = Timestamps.parse(e.getMetadata().getCreationTimestamp());
        }
        return t;
    }
}
