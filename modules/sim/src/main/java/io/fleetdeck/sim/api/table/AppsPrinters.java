package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/** Deployments, ReplicaSets and DaemonSets, with the container, image and selector columns of -o wide. */
final class AppsPrinters {
    private static final Column CONTAINERS = Column.wide("Containers", "Names of each container in the template.");
    private static final Column IMAGES = Column.wide("Images", "Images referenced by each container in the template.");
    private static final Column SELECTOR = Column.wide("Selector", "Label query over the pods this workload manages.");

    private AppsPrinters() {
    }

    static RowPrinter deployments() {
        return new SimplePrinter(List.of(Column.nameColumn(),
                Column.text("Ready", "Ready pods of the desired replicas."),
                Column.number("Up-to-date", "Pods running the newest template."),
                Column.number("Available", "Pods available for at least minReadySeconds."),
                Column.ageColumn(), CONTAINERS, IMAGES, SELECTOR),
                (d, now) -> cells(Cells.name(d),
                        Cells.number(d, "status", "readyReplicas") + "/" + desired(d),
                        Cells.number(d, "status", "updatedReplicas"),
                        Cells.number(d, "status", "availableReplicas"),
                        Cells.age(d, now),
                        Cells.containerNames(template(d)), Cells.containerImages(template(d)),
                        Cells.selector(d.path("spec").path("selector"))));
    }

    static RowPrinter replicaSets() {
        return new SimplePrinter(List.of(Column.nameColumn(),
                Column.number("Desired", "Replicas the ReplicaSet wants."),
                Column.number("Current", "Replicas it has."),
                Column.number("Ready", "Replicas that are ready."),
                Column.ageColumn(), CONTAINERS, IMAGES, SELECTOR),
                (rs, now) -> cells(Cells.name(rs), desired(rs),
                        Cells.number(rs, "status", "replicas"),
                        Cells.number(rs, "status", "readyReplicas"),
                        Cells.age(rs, now),
                        Cells.containerNames(template(rs)), Cells.containerImages(template(rs)),
                        Cells.selector(rs.path("spec").path("selector"))));
    }

    static RowPrinter daemonSets() {
        return new SimplePrinter(List.of(Column.nameColumn(),
                Column.number("Desired", "Nodes that should run the daemon pod."),
                Column.number("Current", "Nodes running at least one daemon pod."),
                Column.number("Ready", "Nodes whose daemon pod is ready."),
                Column.number("Up-to-date", "Nodes running the newest template."),
                Column.number("Available", "Nodes whose daemon pod is available."),
                Column.text("Node Selector", "The node selector of the pod template."),
                Column.ageColumn(), CONTAINERS, IMAGES, SELECTOR),
                (ds, now) -> cells(Cells.name(ds),
                        Cells.number(ds, "status", "desiredNumberScheduled"),
                        Cells.number(ds, "status", "currentNumberScheduled"),
                        Cells.number(ds, "status", "numberReady"),
                        Cells.number(ds, "status", "updatedNumberScheduled"),
                        Cells.number(ds, "status", "numberAvailable"),
                        Cells.labels(template(ds).path("nodeSelector")),
                        Cells.age(ds, now),
                        Cells.containerNames(template(ds)), Cells.containerImages(template(ds)),
                        Cells.selector(ds.path("spec").path("selector"))));
    }

    /** spec.replicas, which the API server defaults to 1. */
    private static long desired(JsonNode o) {
        JsonNode r = o.path("spec").path("replicas");
        return r.isNumber() ? r.asLong() : 1;
    }

    private static JsonNode template(JsonNode o) {
        return o.path("spec").path("template").path("spec");
    }

    private static List<Object> cells(Object... values) {
        return Arrays.asList(values);
    }
}
