package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/** A printer given as its columns and a function from object (and now, for ages) to cells. */
record SimplePrinter(List<Column> columns, BiFunction<JsonNode, Instant, List<Object>> cellFunction)
        implements RowPrinter {

    /** NAME and AGE only, for types without a printer of their own. */
    static final SimplePrinter DEFAULT = new SimplePrinter(List.of(Column.nameColumn(), Column.ageColumn()),
            (o, now) -> List.of(Cells.name(o), Cells.age(o, now)));

    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        return cellFunction.apply(object, now);
    }
}
