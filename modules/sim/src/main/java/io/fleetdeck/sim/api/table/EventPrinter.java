package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code kubectl get events}: LAST SEEN TYPE REASON OBJECT MESSAGE (wide adds source, counts and name). */
final class EventPrinter implements RowPrinter {
    private static final List<Column> COLUMNS = List.of(
            Column.text("Last Seen", "Time since the event was last seen."),
            Column.text("Type", "Normal or Warning."),
            Column.text("Reason", "Why the event was recorded, in CamelCase."),
            Column.text("Object", "The object the event is about."),
            Column.wide("Subobject", "The field path within the object, if any."),
            Column.wide("Source", "The component that reported the event."),
            Column.text("Message", "What happened, for people."),
            Column.wide("First Seen", "Time since the event was first seen."),
            Column.wide("Count", "How often the event has occurred."),
            new Column("Name", "string", "name", "Name of the event.", 1));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode e, Instant now) {
        String first = Cells.text(e, "firstTimestamp");
        String firstSeen = Ages.since(first.isEmpty() ? Cells.text(e, "eventTime") : first, now);
        String last = Cells.text(e, "lastTimestamp");
        String lastSeen = last.isEmpty() ? firstSeen : Ages.since(last, now);
        long count = e.path("count").asLong(0);
        if (e.path("series").isObject()) {
            lastSeen = Ages.since(Cells.text(e, "series", "lastObservedTime"), now);
            count = e.path("series").path("count").asLong(0);
        } else if (count == 0) {
            count = 1;
        }
        JsonNode involved = e.path("involvedObject");
        String kind = Cells.text(involved, "kind").toLowerCase(Locale.ROOT);
        String name = Cells.text(involved, "name");
        String component = firstNonEmpty(Cells.text(e, "source", "component"), Cells.text(e, "reportingComponent"));
        String instance = firstNonEmpty(Cells.text(e, "source", "host"), Cells.text(e, "reportingInstance"));
        return Arrays.asList(lastSeen, Cells.text(e, "type"), Cells.text(e, "reason"),
                name.isEmpty() ? kind : kind + "/" + name, Cells.text(involved, "fieldPath"),
                instance.isEmpty() ? component : component + ", " + instance, Cells.text(e, "message").strip(), firstSeen,
                count, Cells.name(e));
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
