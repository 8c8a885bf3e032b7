package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ListPage;
import io.fleetdeck.sim.store.ResourceType;
import io.fleetdeck.sim.store.StoredObject;
import java.time.Instant;
import java.util.List;

/**
 * Server-side printing: a list page, one object or one watch event's object as a {@code meta.k8s.io} Table,
 * the way kube-apiserver answers {@code kubectl get}. Every column is sent, wide ones included; kubectl
 * hides priority 1 columns unless asked for {@code -o wide}.
 */
public final class TableWriter {
    private final TableFormat format;
    private final RowPrinter printer;

    public TableWriter(ResourceType type, TableFormat format) {
        this.format = format;
        this.printer = Printers.forType(type);
    }

    public byte[] list(ListPage page, Instant now) {
        ObjectNode table = table(Long.toString(page.resourceVersion()), true);
        if (!page.continueToken().isEmpty()) {
            Json.with(table, "metadata").put("continue", page.continueToken());
        }
        ArrayNode rows = table.putArray("rows");
        for (StoredObject o : page.items()) {
            rows.add(row(o.tree(), now));
        }
        return Json.bytes(table);
    }

    /** A one-row Table; {@code withColumns} false leaves out the column definitions (watch events after the first). */
    public byte[] single(StoredObject o, Instant now, boolean withColumns) {
        ObjectNode table = table(Long.toString(o.resourceVersion()), withColumns);
        table.putArray("rows").add(row(o.tree(), now));
        return Json.bytes(table);
    }

    private ObjectNode table(String resourceVersion, boolean withColumns) {
        ObjectNode table = Json.object();
        table.put("kind", "Table").put("apiVersion", format.apiVersion());
        table.putObject("metadata").put("resourceVersion", resourceVersion);
        ArrayNode columns = table.putArray("columnDefinitions");
        if (withColumns) {
            for (Column c : printer.columns()) {
                columns.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                        .put("description", c.description()).put("priority", c.priority());
            }
        }
        return table;
    }

    ObjectNode row(ObjectNode object, Instant now) {
        ObjectNode row = Json.object();
        ArrayNode cells = row.putArray("cells");
        for (Object cell : printer.cells(object, now)) {
            switch (cell) {
                case null -> cells.addNull();
                case Long l -> cells.add(l);
                case Integer i -> cells.add(i);
                default -> cells.add(cell.toString());
            }
        }
        List<ObjectNode> conditions = printer.conditions(object);
        if (!conditions.isEmpty()) {
            row.putArray("conditions").addAll(conditions);
        }
        switch (format.include()) {
            case NONE -> row.putNull("object");
            case OBJECT -> row.set("object", object);
            case METADATA -> row.set("object", partialMetadata(object));
        }
        return row;
    }

    /** The object's metadata alone, as {@code PartialObjectMetadata}: enough for kubectl's NAMESPACE and LABELS. */
    private ObjectNode partialMetadata(ObjectNode object) {
        ObjectNode partial = Json.object();
        partial.put("kind", "PartialObjectMetadata").put("apiVersion", format.apiVersion());
        JsonNode meta = object.get("metadata");
        partial.set("metadata", meta == null ? Json.object() : meta);
        return partial;
    }
}
