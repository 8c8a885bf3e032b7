package io.fleetdeck.sim.api.table;

/**
 * One column of a server-side Table ({@code meta.k8s.io/v1 TableColumnDefinition}). kubectl shows
 * priority 0 columns always and priority 1 columns only with {@code -o wide}.
 */
public record Column(String name, String type, String format, String description, int priority) {

    static Column nameColumn() {
        return new Column("Name", "string", "name", "Name of the object, unique within its namespace.", 0);
    }

    static Column ageColumn() {
        return new Column("Age", "string", "", "Time since the object was created (from metadata.creationTimestamp).", 0);
    }

    static Column text(String name, String description) {
        return new Column(name, "string", "", description, 0);
    }

    static Column number(String name, String description) {
        return new Column(name, "integer", "", description, 0);
    }

    static Column wide(String name, String description) {
        return new Column(name, "string", "", description, 1);
    }
}
