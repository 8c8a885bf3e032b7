package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** Turns one object of a resource type into a Table row: the columns, then one cell per column. */
public interface RowPrinter {

    List<Column> columns();

    /** One cell per column, wide ones included: String, Long or null. */
    List<Object> cells(JsonNode object, Instant now);

    /** Row conditions ({@code Completed} for finished pods); none for most types. */
    default List<ObjectNode> conditions(JsonNode object) {
        return List.of();
    }
}
