package io.fleetdeck.sim.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetdeck.sim.control.AcceleratorCapacity;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSeederTest {

    private static ObjectStore seed(long seed) {
        ObjectStore store = new ObjectStore(new ResourceCatalog(), 100);
        new FleetSeeder(new SeedPlan(60, seed, SeedPlan.DEFAULT_FILL)).seed(store);
        return store;
    }

    private static List<String> names(ObjectStore store, io.fleetdeck.sim.store.ResourceType type) {
        return store.all(type, null).stream().map(StoredObject::key).toList();
    }

    @Test
    void theSameSeedMakesTheSameFleet() {
        ObjectStore a = seed(42);
        ObjectStore b = seed(42);
        assertThat(names(a, ResourceCatalog.PODS)).isEqualTo(names(b, ResourceCatalog.PODS));
        assertThat(names(a, ResourceCatalog.NODECLAIMS)).isEqualTo(names(b, ResourceCatalog.NODECLAIMS));
        assertThat(names(seed(7), ResourceCatalog.PODS)).isNotEqualTo(names(a, ResourceCatalog.PODS));
    }

    @Test
    void gpuCapacityIsGpusTimesTheConfiguredReplicas() {
        ObjectStore store = seed(42);
        for (StoredObject node : store.all(ResourceCatalog.NODES, null)) {
            var tree = node.tree();
            var labels = tree.path("metadata").path("labels");
            if (!labels.has("nvidia.com/gpu.count")) {
                continue;
            }
            int replicas = AcceleratorCapacity.replicas(FleetSeeder.timeSlicingData(), labels.path(AcceleratorCapacity.CONFIG_LABEL).asText());
            int capacity = tree.path("status").path("capacity").path("nvidia.com/gpu").asInt();
            assertThat(capacity).isEqualTo(labels.path("nvidia.com/gpu.count").asInt() * replicas);
            int allocatable = tree.path("status").path("allocatable").path("nvidia.com/gpu").asInt();
            boolean driver = AcceleratorCapacity.driverLoads(tree.path("status").path("nodeInfo").path("kernelVersion").asText());
            assertThat(allocatable).isEqualTo(driver ? capacity : 0);
            long used = store.podsOnNode(node.name()).stream()
                    .mapToLong(p -> p.extendedRequests().getOrDefault("nvidia.com/gpu", 0L)).sum();
            assertThat(used).isLessThanOrEqualTo(allocatable);
        }
        assertThat(store.all(ResourceCatalog.NODES, null)).extracting(n -> n.labels().get(AcceleratorCapacity.CONFIG_LABEL))
                .contains("t4-28", "a10g-31", "t4-40");
    }

    @Test
    void everyNodeHasOneExporterAndSessionsCarryTheirStream() {
        ObjectStore store = seed(42);
        for (StoredObject node : store.all(ResourceCatalog.NODES, null)) {
            assertThat(store.podsOnNode(node.name())).filteredOn(p -> p.namespace().equals("monitoring")).hasSize(1);
        }
        assertThat(store.all(ResourceCatalog.PODS, "streaming")).allSatisfy(p -> {
            var annotations = p.tree().path("metadata").path("annotations");
            assertThat(annotations.path("fleetdeck.io/stream").asText()).matches("[a-z-]+-\\d{3,}");
            assertThat(annotations.path("fleetdeck.io/target-fps").asText()).isEqualTo("25");
        });
    }
}
