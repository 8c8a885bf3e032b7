package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code kubectl get nodes}: NAME STATUS ROLES AGE VERSION, and with -o wide the addresses and node info. */
final class NodePrinter implements RowPrinter {
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";
    private static final String ROLE_LABEL = "kubernetes.io/role";
    private static final List<Column> COLUMNS = List.of(
            Column.nameColumn(),
            Column.text("Status", "The status of the node"),
            Column.text("Roles", "The roles of the node"),
            Column.ageColumn(),
            Column.text("Version", "Kubelet version reported by the node."),
            Column.wide("Internal-IP", "The node's first InternalIP address."),
            Column.wide("External-IP", "The node's first ExternalIP address."),
            Column.wide("OS-Image", "OS image reported by the node (from /etc/os-release)."),
            Column.wide("Kernel-Version", "Kernel version reported by the node (uname -r)."),
            Column.wide("Container-Runtime", "Container runtime version reported by the node."));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode node, Instant now) {
        JsonNode info = node.path("status").path("nodeInfo");
        List<Object> cells = new ArrayList<>(COLUMNS.size());
        cells.add(Cells.name(node));
        cells.add(status(node));
        cells.add(roles(node));
        cells.add(Cells.age(node, now));
        cells.add(Cells.text(info, "kubeletVersion"));
        cells.add(address(node, "InternalIP"));
        cells.add(address(node, "ExternalIP"));
        cells.add(unknownIfEmpty(Cells.text(info, "osImage")));
        cells.add(unknownIfEmpty(Cells.text(info, "kernelVersion")));
        cells.add(unknownIfEmpty(Cells.text(info, "containerRuntimeVersion")));
        return cells;
    }

    /** Ready or NotReady from the Ready condition (Unknown without one), then SchedulingDisabled when cordoned. */
    static String status(JsonNode node) {
        String ready = Cells.condition(node.path("status").path("conditions"), "Ready");
        String status = ready.isEmpty() ? "Unknown" : ready.equals("True") ? "Ready" : "NotReady";
        if (node.path("spec").path("unschedulable").asBoolean(false)) {
            status += ",SchedulingDisabled";
        }
        return status;
    }

    static String roles(JsonNode node) {
        TreeSet<String> roles = new TreeSet<>();
        node.path("metadata").path("labels").properties().forEach(e -> {
            if (e.getKey().startsWith(ROLE_PREFIX) && e.getKey().length() > ROLE_PREFIX.length()) {
                roles.add(e.getKey().substring(ROLE_PREFIX.length()));
            } else if (e.getKey().equals(ROLE_LABEL) && !e.getValue().asText().isEmpty()) {
                roles.add(e.getValue().asText());
            }
        });
        return roles.isEmpty() ? Cells.NONE : String.join(",", roles);
    }

    private static String address(JsonNode node, String type) {
        for (JsonNode a : node.path("status").path("addresses")) {
            if (a.path("type").asText().equals(type)) {
                return a.path("address").asText();
            }
        }
        return Cells.NONE;
    }

    private static String unknownIfEmpty(String s) {
        return s.isEmpty() ? "<unknown>" : s;
    }
}
