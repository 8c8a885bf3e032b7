package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The cheap built-in printers: ConfigMaps, Namespaces, Services, Leases and PodDisruptionBudgets. */
final class CorePrinters {

    private CorePrinters() {
    }

    static RowPrinter configMaps() {
        return new SimplePrinter(List.of(Column.nameColumn(), Column.number("Data", "Number of data and binaryData keys."),
                Column.ageColumn()),
                (cm, now) -> cells(Cells.name(cm), (long) (cm.path("data").size() + cm.path("binaryData").size()),
                        Cells.age(cm, now)));
    }

    static RowPrinter namespaces() {
        return new SimplePrinter(List.of(Column.nameColumn(), Column.text("Status", "The phase of the namespace."),
                Column.ageColumn()),
                (ns, now) -> cells(Cells.name(ns), Cells.text(ns, "status", "phase"), Cells.age(ns, now)));
    }

    static RowPrinter leases() {
        return new SimplePrinter(List.of(Column.nameColumn(), Column.text("Holder", "The holder of the lease."), Column.ageColumn()),
                (l, now) -> cells(Cells.name(l), Cells.text(l, "spec", "holderIdentity"), Cells.age(l, now)));
    }

    static RowPrinter podDisruptionBudgets() {
        return new SimplePrinter(List.of(Column.nameColumn(),
                Column.text("Min Available", "The minimum number of pods that must be available."),
                Column.text("Max Unavailable", "The maximum number of pods that may be unavailable."),
                Column.number("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time."),
                Column.ageColumn()),
                (pdb, now) -> cells(Cells.name(pdb), intOrString(pdb.path("spec").path("minAvailable")),
                        intOrString(pdb.path("spec").path("maxUnavailable")),
                        Cells.number(pdb, "status", "disruptionsAllowed"), Cells.age(pdb, now)));
    }

    static RowPrinter services() {
        return new SimplePrinter(List.of(Column.nameColumn(),
                Column.text("Type", "How the service is exposed."),
                Column.text("Cluster-IP", "The service's cluster IP."),
                Column.text("External-IP", "External addresses of the service."),
                Column.text("Port(s)", "The ports the service exposes."),
                Column.ageColumn(),
                Column.wide("Selector", "Pods with these labels back the service.")),
                (svc, now) -> {
                    JsonNode spec = svc.path("spec");
                    JsonNode ips = spec.path("clusterIPs");
                    String clusterIp = ips.isArray() && !ips.isEmpty() ? ips.get(0).asText() : Cells.text(spec, "clusterIP");
                    return cells(Cells.name(svc), Cells.text(spec, "type"), Cells.orNone(clusterIp), externalIp(svc),
                            Cells.orNone(ports(spec)), Cells.age(svc, now), Cells.labels(spec.path("selector")));
                });
    }

    private static String intOrString(JsonNode v) {
        return v.isMissingNode() || v.isNull() ? "N/A" : v.asText();
    }

    private static String ports(JsonNode spec) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : spec.path("ports")) {
            long nodePort = p.path("nodePort").asLong(0);
            out.add(p.path("port").asLong() + (nodePort > 0 ? ":" + nodePort : "") + "/" + p.path("protocol").asText("TCP"));
        }
        return String.join(",", out);
    }

    private static String externalIp(JsonNode svc) {
        JsonNode spec = svc.path("spec");
        List<String> ips = new ArrayList<>();
        if (Cells.text(spec, "type").equals("ExternalName")) {
            return Cells.orNone(Cells.text(spec, "externalName"));
        }
        if (Cells.text(spec, "type").equals("LoadBalancer")) {
            for (JsonNode ingress : svc.path("status").path("loadBalancer").path("ingress")) {
                ips.add(ingress.hasNonNull("ip") ? ingress.path("ip").asText() : ingress.path("hostname").asText());
            }
            spec.path("externalIPs").forEach(ip -> ips.add(ip.asText()));
            return ips.isEmpty() ? "<pending>" : String.join(",", ips);
        }
        spec.path("externalIPs").forEach(ip -> ips.add(ip.asText()));
        return ips.isEmpty() ? Cells.NONE : String.join(",", ips);
    }

    private static List<Object> cells(Object... values) {
        return Arrays.asList(values);
    }
}
