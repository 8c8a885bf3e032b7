package io.fleetdeck.sim.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ObjectStoreTest {
    private ObjectStore store;

    @BeforeEach
    void setUp() {
        store = new ObjectStore(new ResourceCatalog(), 5);
    }

    static ObjectNode pod(String ns, String name, String node, String phase, String... labels) {
        ObjectNode p = Json.object();
        p.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = p.putObject("metadata");
        meta.put("name", name).put("namespace", ns);
        ObjectNode l = meta.putObject("labels");
        for (int i = 0; i < labels.length; i += 2) {
            l.put(labels[i], labels[i + 1]);
        }
        p.putObject("spec").put("nodeName", node).putArray("containers").addObject().put("name", "c")
                .putObject("resources").putObject("requests").put("nvidia.com/gpu", "1");
        p.putObject("status").put("phase", phase);
        return p;
    }

    @Test
    void resourceVersionsGrowAndNoOpUpdatesKeepThem() {
        StoredObject a = store.create(ResourceCatalog.PODS, pod("s", "a", "n1", "Running"));
        StoredObject b = store.create(ResourceCatalog.PODS, pod("s", "b", "n1", "Running"));
        assertThat(b.resourceVersion()).isGreaterThan(a.resourceVersion());
        assertThat(a.extendedRequests()).containsEntry("nvidia.com/gpu", 1L);

        StoredObject same = store.update(ResourceCatalog.PODS, "s", "a", p -> p);
        assertThat(same.resourceVersion()).isEqualTo(a.resourceVersion());
        StoredObject changed = store.update(ResourceCatalog.PODS, "s", "a", p -> {
            Json.with(p, "status").put("phase", "Succeeded");
            return p;
        });
        assertThat(changed.resourceVersion()).isGreaterThan(b.resourceVersion());
        assertThat(changed.tree().path("metadata").path("resourceVersion").asText())
                .isEqualTo(Long.toString(changed.resourceVersion()));
    }

    @Test
    void createStampsTheCreationTimeEvenWhenTheClientSentNull() {
        StoredObject job = store.create(ResourceCatalog.JOBS,
                Json.parse("{\"metadata\":{\"name\":\"probe\",\"namespace\":\"s\",\"creationTimestamp\":null}}"));
        assertThat(job.tree().path("metadata").path("creationTimestamp").asText()).matches("\\d{4}-.*Z");
        ObjectNode seeded = pod("s", "old", "n1", "Running");
        Json.with(seeded, "metadata").put("creationTimestamp", "2026-01-01T00:00:00Z");
        assertThat(store.create(ResourceCatalog.PODS, seeded).tree().path("metadata").path("creationTimestamp").asText())
                .isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void replaceWithStaleResourceVersionIsAConflict() {
        StoredObject a = store.create(ResourceCatalog.PODS, pod("s", "a", "n1", "Running"));
        store.update(ResourceCatalog.PODS, "s", "a", p -> {
            Json.with(p, "metadata").putObject("annotations").put("x", "1");
            return p;
        });
        ObjectNode stale = a.tree();
        assertThatThrownBy(() -> store.replace(ResourceCatalog.PODS, "s", "a", stale))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo(409);
        assertThatThrownBy(() -> store.create(ResourceCatalog.PODS, pod("s", "a", "n1", "Running")))
                .isInstanceOf(ApiException.class).extracting("reason").isEqualTo("AlreadyExists");
    }

    @Test
    void podsByNodeIndexFollowsBindingsAndDeletes() {
        store.create(ResourceCatalog.PODS, pod("s", "a", "n1", "Running"));
        store.create(ResourceCatalog.PODS, pod("s", "b", "n2", "Running"));
        store.create(ResourceCatalog.PODS, pod("t", "c", "n1", "Pending"));
        assertThat(store.podsOnNode("n1")).extracting(StoredObject::name).containsExactlyInAnyOrder("a", "c");

        store.update(ResourceCatalog.PODS, "s", "a", p -> {
            Json.with(p, "spec").put("nodeName", "n2");
            return p;
        });
        store.delete(ResourceCatalog.PODS, "t", "c");
        assertThat(store.podsOnNode("n1")).isEmpty();
        assertThat(store.podsOnNode("n2")).extracting(StoredObject::name).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void fieldAndLabelSelectorsFilterLists() {
        store.create(ResourceCatalog.PODS, pod("s", "a", "n1", "Running", "app", "enc", "tier", "gpu"));
        store.create(ResourceCatalog.PODS, pod("s", "b", "n2", "Pending", "app", "enc"));
        store.create(ResourceCatalog.PODS, pod("t", "c", "n1", "Running", "app", "exporter"));

        assertThat(names(store.list(ResourceCatalog.PODS, null, "", "spec.nodeName=n1", 0, ""))).containsExactly("a", "c");
        assertThat(names(store.list(ResourceCatalog.PODS, "s", "", "spec.nodeName=n1", 0, ""))).containsExactly("a");
        assertThat(names(store.list(ResourceCatalog.PODS, null, "", "status.phase!=Running", 0, ""))).containsExactly("b");
        assertThat(names(store.list(ResourceCatalog.PODS, null, "", "status.phase=Running,spec.nodeName!=n1", 0, "")))
                .isEmpty();
        assertThat(names(store.list(ResourceCatalog.PODS, null, "app in (enc, other),!tier", "", 0, "")))
                .containsExactly("b");
        assertThat(names(store.list(ResourceCatalog.PODS, null, "app!=enc", "", 0, ""))).containsExactly("c");
        assertThat(names(store.list(ResourceCatalog.PODS, null, "tier", "metadata.name=a", 0, ""))).containsExactly("a");
    }

    @Test
    void pagingWithContinueVisitsEveryObjectOnce() {
        for (int i = 0; i < 23; i++) {
            store.create(ResourceCatalog.PODS, pod(i % 2 == 0 ? "even" : "odd", "p" + i, "n" + (i % 3), "Running"));
        }
        List<String> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListPage page = store.list(ResourceCatalog.PODS, null, "", "", 5, token);
            page.items().forEach(o -> seen.add(o.key()));
            token = page.continueToken();
            pages++;
        } while (!token.isEmpty());
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates().isSorted();

        List<String> onNode = new ArrayList<>();
        token = "";
        do {
            ListPage page = store.list(ResourceCatalog.PODS, null, "", "spec.nodeName=n1", 3, token);
            page.items().forEach(o -> onNode.add(o.name()));
            token = page.continueToken();
        } while (!token.isEmpty());
        assertThat(onNode).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void watchFromAVersionSeesOnlyLaterChangesAndOldVersionsAreGone() throws Exception {
        StoredObject a = store.create(ResourceCatalog.PODS, pod("s", "a", "n1", "Running"));
        StoredObject b = store.create(ResourceCatalog.PODS, pod("s", "b", "n1", "Running"));
        List<String> events = new ArrayList<>();
        try (AutoCloseable w = store.watch(ResourceCatalog.PODS, null, o -> true, a.resourceVersion(),
                e -> events.add(e.type() + " " + e.object().name()))) {
            store.delete(ResourceCatalog.PODS, "s", "a");
            assertThat(events).containsExactly("ADDED b", "DELETED a");
        }
        List<String> fresh = new ArrayList<>();
        try (AutoCloseable w = store.watch(ResourceCatalog.PODS, null, o -> true, null, e -> fresh.add(e.type()))) {
            assertThat(fresh).containsExactly("ADDED");
        }
        for (int i = 0; i < 10; i++) {
            store.create(ResourceCatalog.PODS, pod("s", "x" + i, "n2", "Running"));
        }
        assertThatThrownBy(() -> store.watch(ResourceCatalog.PODS, null, o -> true, b.resourceVersion(), e -> { }))
                .isInstanceOf(ApiException.class).extracting("code").isEqualTo(410);
    }

    @Test
    void aSelectorWatchSeesObjectsLeaveAsDeleted() throws Exception {
        store.create(ResourceCatalog.PODS, pod("s", "a", "n1", "Pending"));
        List<String> events = new ArrayList<>();
        try (AutoCloseable w = store.watch(ResourceCatalog.PODS, "s", Selector.of("", "status.phase=Pending"),
                store.currentResourceVersion(), e -> events.add(e.type()))) {
            store.update(ResourceCatalog.PODS, "s", "a", p -> {
                Json.with(p, "status").put("phase", "Running");
                return p;
            });
            store.create(ResourceCatalog.PODS, pod("other", "b", "n1", "Pending"));
        }
        assertThat(events).containsExactly("DELETED");
    }

    private static List<String> names(ListPage page) {
        return page.items().stream().map(StoredObject::name).toList();
    }
}
