package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fleetdeck.core.cluster.ConnectionStatus;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.store.FleetChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FleetChangePumpTest {
    private final FleetChangePump pump = new FleetChangePump(new RecordingSink(),
            new PodMapper(AcceleratorPatterns.defaults()), () -> ConnectionStatus.live(Instant.now()),
            Duration.ofMillis(50), Duration.ofSeconds(1));

    @Test
    void hundredUpdatesOfOnePodWithinADrainAreOneChange() {
        ResourceEventHandler<Pod> pods = pump.podHandler();
        Pod pod = Fixtures.pod("ns", "p", "n1");
        pod.getMetadata().setUid("uid-1");
        pods.onAdd(pod);
        for (int i = 0; i < 100; i++) {
            Pod next = Fixtures.pod("ns", "p", "n1");
            next.getMetadata().setUid("uid-1");
            next.getMetadata().getAnnotations().put("fleetdeck.io/target-fps", Integer.toString(i));
            pods.onUpdate(pod, next);
        }
        List<FleetChange> batch = pump.drain();
        assertThat(batch).singleElement().isInstanceOfSatisfying(FleetChange.PodUpserted.class,
                u -> assertThat(u.pod().targetFps()).isEqualTo(99));
        assertThat(pump.drain()).isEmpty();
    }

    @Test
    void deleteAfterUpdateIsOnlyTheDelete() {
        ResourceEventHandler<Pod> pods = pump.podHandler();
        Pod pod = Fixtures.pod("ns", "p", "n1");
        pod.getMetadata().setUid("uid-2");
        pods.onAdd(pod);
        pods.onDelete(pod, false);
        assertThat(pump.drain()).containsExactly(new FleetChange.PodDeleted("uid-2"));
    }

    @Test
    void nodeDeletionsComeBeforeUpsertsSoARecreatedNodeSurvives() {
        ResourceEventHandler<Node> nodes = pump.nodeHandler();
        Node fresh = Fixtures.node("gpu-1");
        fresh.getMetadata().setUid("new");
        Node old = Fixtures.node("gpu-1");
        old.getMetadata().setUid("old");
        nodes.onAdd(fresh);
        nodes.onDelete(old, false);
        List<FleetChange> batch = pump.drain();
        assertThat(batch).hasSize(2);
        assertThat(batch.get(0)).isEqualTo(new FleetChange.NodeDeleted("gpu-1"));
        assertThat(batch.get(1)).isInstanceOf(FleetChange.NodeUpserted.class);
    }
}
