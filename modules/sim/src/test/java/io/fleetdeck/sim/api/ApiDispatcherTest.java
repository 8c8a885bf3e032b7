package io.fleetdeck.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API surface without a network: requests straight into the dispatcher. */
class ApiDispatcherTest {
    private ObjectStore store;
    private ApiDispatcher api;

    @BeforeEach
    void setUp() {
        store = new ObjectStore(new ResourceCatalog(), 1000);
        api = new ApiDispatcher(new ResourceCatalog(), store);
        call("POST", "/api/v1/namespaces", "application/json", "{\"metadata\":{\"name\":\"streaming\"}}");
        for (int i = 0; i < 3; i++) {
            ObjectNode pod = Json.parse("""
                {"metadata":{"name":"enc-%d","namespace":"streaming","labels":{"app":"enc"}},
                 "spec":{"nodeName":"node-%d","containers":[{"name":"encoder"}]},"status":{"phase":"Running"}}"""
                    .formatted(i, i % 2));
            store.create(ResourceCatalog.PODS, pod);
        }
    }

    private MockResponse call(String method, String path, String contentType, String body) {
        Headers.Builder headers = Headers.builder();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        return api.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.valueOf(method), path, headers.build(),
                new Buffer(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8))));
    }

    private MockResponse getAccepting(String path, String accept) {
        return api.dispatch(new RecordedRequest("HTTP/1.1", HttpMethod.GET, path,
                Headers.builder().add("Accept", accept).build(), new Buffer(new byte[0])));
    }

    private static JsonNode json(MockResponse r) {
        return Json.parseAny(r.getBody().readUtf8());
    }

    private static java.util.List<String> names(JsonNode list) {
        return list.path("items").valueStream().map(i -> i.path("metadata").path("name").asText()).toList();
    }

    @Test
    void discoveryDescribesEvictionAndScale() {
        assertThat(json(call("GET", "/version", null, null)).path("gitVersion").asText()).startsWith("v1.31");
        JsonNode core = json(call("GET", "/api/v1", null, null));
        assertThat(core.path("resources").findValuesAsText("name")).contains("pods", "nodes", "pods/eviction", "pods/log");
        JsonNode groups = json(call("GET", "/apis", null, null));
        assertThat(groups.path("groups").findValuesAsText("name"))
                .contains("apps", "policy", "coordination.k8s.io", "karpenter.sh", "authorization.k8s.io");
        MockResponse apps = call("GET", "/apis/apps/v1", null, null);
        assertThat(apps.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(json(apps).path("resources").findValuesAsText("name")).contains("deployments/scale");
        assertThat(call("GET", "/apis/nope/v1", null, null).code()).isEqualTo(404);
    }

    @Test
    void fieldSelectorsAndPagingWork() {
        JsonNode onNode = json(call("GET", "/api/v1/pods?fieldSelector=spec.nodeName%3Dnode-0", null, null));
        assertThat(names(onNode)).containsExactly("enc-0", "enc-2");
        JsonNode page = json(call("GET", "/api/v1/namespaces/streaming/pods?limit=2", null, null));
        assertThat(page.path("items")).hasSize(2);
        String token = page.path("metadata").path("continue").asText();
        JsonNode rest = json(call("GET", "/api/v1/namespaces/streaming/pods?limit=2&continue=" + token, null, null));
        assertThat(names(rest)).containsExactly("enc-2");
        assertThat(rest.path("metadata").has("continue")).isFalse();
    }

    @Test
    void patchTypesAndOptimisticConcurrency() {
        String path = "/api/v1/namespaces/streaming/pods/enc-0";
        call("PATCH", path, "application/strategic-merge-patch+json", "{\"metadata\":{\"labels\":{\"x\":\"1\",\"app\":null}}}");
        call("PATCH", path, "application/merge-patch+json", "{\"metadata\":{\"annotations\":{\"a\":\"b\"}}}");
        MockResponse r = call("PATCH", path, "application/json-patch+json",
                "[{\"op\":\"add\",\"path\":\"/metadata/labels/y\",\"value\":\"2\"}]");
        JsonNode pod = json(r);
        assertThat(pod.path("metadata").path("labels").toString()).isEqualTo("{\"x\":\"1\",\"y\":\"2\"}");
        assertThat(pod.path("metadata").path("annotations").path("a").asText()).isEqualTo("b");

        ObjectNode stale = (ObjectNode) pod.deepCopy();
        call("PATCH", path, "application/merge-patch+json", "{\"metadata\":{\"annotations\":{\"a\":\"c\"}}}");
        assertThat(call("PUT", path, "application/json", stale.toString()).code()).isEqualTo(409);
        assertThat(call("PATCH", path, "application/apply-patch+yaml", "{}").code()).isEqualTo(415);
    }

    @Test
    void evictionHonoursTheDisruptionBudget() {
        call("POST", "/apis/policy/v1/namespaces/streaming/poddisruptionbudgets", "application/json",
                "{\"metadata\":{\"name\":\"enc\"},\"spec\":{\"maxUnavailable\":1,\"selector\":{\"matchLabels\":{\"app\":\"enc\"}}}}");
        String eviction = "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"%s\"}}";
        MockResponse first = call("POST", "/api/v1/namespaces/streaming/pods/enc-0/eviction", "application/json",
                eviction.formatted("enc-0"));
        assertThat(first.code()).isEqualTo(201);
        assertThat(store.get(ResourceCatalog.PODS, "streaming", "enc-0")).get().extracting(StoredObject::terminating)
                .isEqualTo(true);

        MockResponse second = call("POST", "/api/v1/namespaces/streaming/pods/enc-1/eviction", "application/json",
                eviction.formatted("enc-1"));
        assertThat(second.code()).isEqualTo(429);
        JsonNode status = json(second);
        assertThat(status.path("message").asText())
                .isEqualTo("Cannot evict pod as it would violate the pod's disruption budget.");
        assertThat(status.path("reason").asText()).isEqualTo("TooManyRequests");
        assertThat(status.path("details").path("causes").path(0).path("reason").asText()).isEqualTo("DisruptionBudget");
    }

    @Test
    void scaleSubresourceChangesOnlyReplicas() {
        call("POST", "/apis/apps/v1/namespaces/streaming/deployments", "application/json", """
            {"metadata":{"name":"live"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"enc"}},
             "template":{"metadata":{"labels":{"app":"enc"}},"spec":{"containers":[{"name":"encoder","image":"e"}]}}}}""");
        String scale = "/apis/apps/v1/namespaces/streaming/deployments/live/scale";
        JsonNode got = json(call("GET", scale, null, null));
        assertThat(got.path("kind").asText()).isEqualTo("Scale");
        assertThat(got.path("status").path("selector").asText()).isEqualTo("app=enc");
        call("PATCH", scale, "application/merge-patch+json", "{\"spec\":{\"replicas\":5}}");
        ObjectNode put = (ObjectNode) json(call("GET", scale, null, null));
        ((ObjectNode) put.get("spec")).put("replicas", 7);
        assertThat(call("PUT", scale, "application/json", put.toString()).code()).isEqualTo(200);
        JsonNode deployment = json(call("GET", "/apis/apps/v1/namespaces/streaming/deployments/live", null, null));
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(7);
        assertThat(deployment.path("spec").path("template").path("spec").path("containers").path(0).path("image").asText())
                .isEqualTo("e");
    }

    @Test
    void logsArePlainTextLines() {
        MockResponse r = call("GET", "/api/v1/namespaces/streaming/pods/enc-1/log?tailLines=3", null, null);
        assertThat(r.code()).isEqualTo(200);
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("text/plain");
        assertThat(r.getBody().readUtf8().lines()).hasSizeLessThanOrEqualTo(3).allMatch(l -> !l.startsWith("{"));
    }

    @Test
    void deletingANodeTakesItsPods() {
        store.create(ResourceCatalog.NODES, Json.parse("{\"metadata\":{\"name\":\"node-0\"}}"));
        assertThat(call("DELETE", "/api/v1/nodes/node-0", null, null).code()).isEqualTo(200);
        assertThat(store.podsOnNode("node-0")).isEmpty();
        assertThat(store.count(ResourceCatalog.PODS)).isEqualTo(1);
    }

    @Test
    void kubectlGetsServerSideTablesAndEveryoneElseJson() {
        String kubectl = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,"
                + "application/json";
        JsonNode table = json(getAccepting("/api/v1/namespaces/streaming/pods?limit=2", kubectl));
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .startsWith("Name", "Ready", "Status", "Restarts", "Age");
        assertThat(table.path("rows")).hasSize(2);
        assertThat(table.path("rows").path(0).path("cells").path(0).asText()).isEqualTo("enc-0");
        assertThat(table.path("rows").path(0).path("cells").path(2).asText()).isEqualTo("Running");
        assertThat(table.path("rows").path(0).path("object").path("metadata").path("namespace").asText())
                .isEqualTo("streaming");
        assertThat(table.path("metadata").path("continue").asText()).isNotEmpty();

        JsonNode one = json(getAccepting("/api/v1/namespaces/streaming/pods/enc-1?includeObject=Object", kubectl));
        assertThat(one.path("rows")).hasSize(1);
        assertThat(one.path("rows").path(0).path("object").path("spec").path("nodeName").asText()).isEqualTo("node-1");
        assertThat(getAccepting("/api/v1/namespaces/streaming/pods?includeObject=All", kubectl).code()).isEqualTo(400);
        assertThat(getAccepting("/api/v1/namespaces/streaming/pods/nope", kubectl).code()).isEqualTo(404);

        assertThat(json(getAccepting("/api/v1/namespaces/streaming/pods", "application/json")).path("kind").asText())
                .isEqualTo("PodList");
        JsonNode plain = json(call("GET", "/api/v1/namespaces/streaming/pods/enc-1", null, null));
        assertThat(plain.path("metadata").path("name").asText()).isEqualTo("enc-1");
        assertThat(plain.has("rows")).isFalse();
    }

    @Test
    void tableWatchesSendOneRowTablesWithColumnsOnTheFirstEvent() {
        long from = store.currentResourceVersion();
        call("PATCH", "/api/v1/namespaces/streaming/pods/enc-0", "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"x\":\"1\"}}}");
        call("DELETE", "/api/v1/namespaces/streaming/pods/enc-2?gracePeriodSeconds=0", null, null);
        MockResponse watch = getAccepting("/api/v1/namespaces/streaming/pods?watch=true&resourceVersion=" + from,
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        java.util.List<JsonNode> events = watch.getBody().readUtf8().lines().map(Json::parseAny).toList();
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("MODIFIED", "DELETED");
        assertThat(events).allSatisfy(e -> assertThat(e.path("object").path("kind").asText()).isEqualTo("Table"));
        assertThat(events.get(0).path("object").path("columnDefinitions")).isNotEmpty();
        assertThat(events.get(1).path("object").path("columnDefinitions")).isEmpty();
        assertThat(events.get(1).path("object").path("rows").path(0).path("cells").path(0).asText()).isEqualTo("enc-2");
    }
}
