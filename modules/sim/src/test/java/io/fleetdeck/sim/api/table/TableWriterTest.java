package io.fleetdeck.sim.api.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ListPage;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accept negotiation and the Table document around the rows. */
class TableWriterTest {
    static final String KUBECTL_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";

    @Test
    void negotiatesLikeTheApiServer() {
        assertThat(TableFormat.negotiate(KUBECTL_ACCEPT, null)).contains(new TableFormat("v1", TableFormat.Include.METADATA));
        assertThat(TableFormat.negotiate("application/json;as=Table;v=v1beta1;g=meta.k8s.io", "Object"))
                .contains(new TableFormat("v1beta1", TableFormat.Include.OBJECT));
        assertThat(TableFormat.negotiate("application/json", "Object")).isEmpty();
        assertThat(TableFormat.negotiate(null, null)).isEmpty();
        assertThat(TableFormat.negotiate("*/*", null)).isEmpty();
        assertThat(TableFormat.negotiate("application/yaml,application/json;as=Table;v=v2;g=meta.k8s.io", null)).isEmpty();
        assertThatThrownBy(() -> TableFormat.negotiate(KUBECTL_ACCEPT, "Everything"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void rowsCarryMetadataTheWholeObjectOrNothing() {
        ObjectStore store = new ObjectStore(new ResourceCatalog(), 100);
        StoredObject cm = store.create(ResourceCatalog.CONFIGMAPS, Json.parse("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"time-slicing","namespace":"nvidia",
             "labels":{"a":"b"}},"data":{"t4":"x","a10g":"y"}}"""));
        ListPage page = new ListPage(List.of(cm), "next-page", 42, -1);
        Instant now = Instant.now();

        JsonNode table = Json.parse(new TableWriter(ResourceCatalog.CONFIGMAPS,
                new TableFormat("v1", TableFormat.Include.METADATA)).list(page, now));
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
        assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("42");
        assertThat(table.path("metadata").path("continue").asText()).isEqualTo("next-page");
        assertThat(table.path("columnDefinitions").findValuesAsText("name")).containsExactly("Name", "Data", "Age");
        assertThat(table.path("columnDefinitions").path(0).path("format").asText()).isEqualTo("name");
        JsonNode row = table.path("rows").path(0);
        assertThat(row.path("cells").path(0).asText()).isEqualTo("time-slicing");
        assertThat(row.path("cells").path(1).asInt()).isEqualTo(2);
        assertThat(row.path("cells").path(2).asText()).matches("[0-9]+s");
        assertThat(row.path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
        assertThat(row.path("object").path("metadata").path("labels").path("a").asText()).isEqualTo("b");
        assertThat(row.path("object").has("data")).isFalse();

        JsonNode whole = Json.parse(new TableWriter(ResourceCatalog.CONFIGMAPS,
                new TableFormat("v1beta1", TableFormat.Include.OBJECT)).single(cm, now, false));
        assertThat(whole.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1beta1");
        assertThat(whole.path("columnDefinitions")).isEmpty();
        assertThat(whole.path("rows").path(0).path("object").path("data").path("t4").asText()).isEqualTo("x");

        JsonNode none = Json.parse(new TableWriter(ResourceCatalog.CONFIGMAPS,
                new TableFormat("v1", TableFormat.Include.NONE)).single(cm, now, true));
        assertThat(none.path("rows").path(0).path("object").isNull()).isTrue();
    }

    @Test
    void typesWithoutAPrinterGetNameAndAge() {
        assertThat(Printers.forType(ResourceCatalog.JOBS).columns()).extracting(Column::name).containsExactly("Name", "Age");
    }
}
