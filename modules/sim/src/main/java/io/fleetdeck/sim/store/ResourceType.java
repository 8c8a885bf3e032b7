package io.fleetdeck.sim.store;

import java.util.List;

/** One served resource: where it lives in the API and how discovery describes it. */
public record ResourceType(String group, String version, String plural, String singular, String kind,
                           boolean namespaced, List<String> shortNames, List<String> verbs) {

    public static final List<String> ALL_VERBS =
            List.of("create", "delete", "get", "list", "patch", "update", "watch");

    public String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String listKind() {
        return kind + "List";
    }

    @Override
    public String toString() {
        return plural + (group.isEmpty() ? "" : "." + group);
    }
}
