package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * NodePools and NodeClaims with the printer columns Karpenter's CRDs declare. As for any custom resource,
 * a value that is not there is a null cell (kubectl prints {@code <none>}).
 */
final class KarpenterPrinters {

    private KarpenterPrinters() {
    }

    static RowPrinter nodePools() {
        return new SimplePrinter(List.of(Column.nameColumn(),
                Column.text("NodeClass", ".spec.template.spec.nodeClassRef.name"),
                Column.text("Nodes", ".status.resources.nodes"),
                Column.text("Ready", "The Ready condition's status."),
                Column.ageColumn(),
                new Column("Weight", "integer", "", ".spec.weight", 1),
                Column.wide("CPU", ".status.resources.cpu"),
                Column.wide("Memory", ".status.resources.memory")),
                (p, now) -> Arrays.asList(Cells.name(p),
                        value(p, "spec", "template", "spec", "nodeClassRef", "name"),
                        value(p, "status", "resources", "nodes"),
                        conditionOrNull(p, "Ready"),
                        Cells.age(p, now),
                        p.path("spec").path("weight").isNumber() ? p.path("spec").path("weight").asLong() : null,
                        value(p, "status", "resources", "cpu"),
                        value(p, "status", "resources", "memory")));
    }

    static RowPrinter nodeClaims() {
        return new SimplePrinter(List.of(Column.nameColumn(),
                Column.text("Type", "The node.kubernetes.io/instance-type label."),
                Column.text("Capacity", "The karpenter.sh/capacity-type label."),
                Column.text("Zone", "The topology.kubernetes.io/zone label."),
                Column.text("Node", ".status.nodeName"),
                Column.text("Ready", "The Ready condition's status."),
                Column.ageColumn(),
                Column.wide("ImageID", ".status.imageID"),
                Column.wide("ID", ".status.providerID"),
                Column.wide("NodePool", "The karpenter.sh/nodepool label."),
                Column.wide("NodeClass", ".spec.nodeClassRef.name"),
                Column.wide("Drifted", "The Drifted condition's status.")),
                (c, now) -> Arrays.asList(Cells.name(c),
                        value(c, "metadata", "labels", "node.kubernetes.io/instance-type"),
                        value(c, "metadata", "labels", "karpenter.sh/capacity-type"),
                        value(c, "metadata", "labels", "topology.kubernetes.io/zone"),
                        value(c, "status", "nodeName"),
                        conditionOrNull(c, "Ready"),
                        Cells.age(c, now),
                        value(c, "status", "imageID"),
                        value(c, "status", "providerID"),
                        value(c, "metadata", "labels", "karpenter.sh/nodepool"),
                        value(c, "spec", "nodeClassRef", "name"),
                        conditionOrNull(c, "Drifted")));
    }

    private static String value(JsonNode o, String... path) {
        JsonNode n = Cells.at(o, path);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static String conditionOrNull(JsonNode o, String type) {
        String status = Cells.condition(o.path("status").path("conditions"), type);
        return status.isEmpty() ? null : status;
    }
}
