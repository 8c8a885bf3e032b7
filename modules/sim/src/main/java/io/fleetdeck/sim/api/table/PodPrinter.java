package io.fleetdeck.sim.api.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.store.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code kubectl get pods}: NAME READY STATUS RESTARTS AGE (wide: IP NODE NOMINATED NODE READINESS GATES).
 * STATUS follows the API server's rules: the phase or the pod's reason, init container progress, container
 * waiting/terminated reasons, and Terminating for a pod being deleted.
 */
final class PodPrinter implements RowPrinter {
    private static final List<Column> COLUMNS = List.of(
            Column.nameColumn(),
            Column.text("Ready", "The aggregate readiness state of this pod for accepting traffic."),
            Column.text("Status", "The aggregate status of the containers in this pod."),
            Column.text("Restarts", "The number of times the containers in this pod have been restarted, and when the last"
                    + " one restarted."),
            Column.ageColumn(),
            Column.wide("IP", "The pod's first IP address."),
            Column.wide("Node", "The node the pod is bound to."),
            Column.wide("Nominated Node", "The node preemption nominated for the pod."),
            Column.wide("Readiness Gates", "Readiness gates whose condition is True, of all the pod's gates."));

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode pod, Instant now) {
        JsonNode spec = pod.path("spec");
        JsonNode status = pod.path("status");
        PodStatus s = new PodStatus(pod);
        List<Object> cells = new ArrayList<>(COLUMNS.size());
        cells.add(Cells.name(pod));
        cells.add(s.ready + "/" + s.total);
        cells.add(s.reason);
        cells.add(s.restarts != 0 && s.lastRestart != null
                ? s.restarts + " (" + Ages.since(s.lastRestart, now) + " ago)" : Long.toString(s.restarts));
        cells.add(Cells.age(pod, now));
        JsonNode ips = status.path("podIPs");
        String ip = ips.isArray() && !ips.isEmpty() ? ips.get(0).path("ip").asText() : "";
        cells.add(Cells.orNone(ip));
        cells.add(Cells.orNone(Cells.text(spec, "nodeName")));
        cells.add(Cells.orNone(Cells.text(status, "nominatedNodeName")));
        cells.add(readinessGates(spec, status));
        return cells;
    }

    @Override
    public List<ObjectNode> conditions(JsonNode pod) {
        String phase = pod.path("status").path("phase").asText();
        if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
            return List.of();
        }
        ObjectNode c = Json.object();
        c.put("type", "Completed").put("status", "True").put("reason", phase)
                .put("message", phase.equals("Succeeded") ? "The pod has completed successfully." : "The pod failed.");
        return List.of(c);
    }

    private static String readinessGates(JsonNode spec, JsonNode status) {
        JsonNode gates = spec.path("readinessGates");
        if (!gates.isArray() || gates.isEmpty()) {
            return Cells.NONE;
        }
        int met = 0;
        for (JsonNode gate : gates) {
            if (Cells.condition(status.path("conditions"), gate.path("conditionType").asText()).equals("True")) {
                met++;
            }
        }
        return met + "/" + gates.size();
    }

    /** READY, STATUS and RESTARTS worked out together, as they share the walk over container statuses. */
    private static final class PodStatus {
        int ready;
        int total;
        long restarts;
        String lastRestart;
        String reason;

        PodStatus(JsonNode pod) {
            JsonNode spec = pod.path("spec");
            JsonNode status = pod.path("status");
            String phase = status.path("phase").asText("");
            reason = status.path("reason").asText("").isEmpty() ? phase : status.path("reason").asText();
            for (JsonNode c : status.path("conditions")) {
                if (c.path("type").asText().equals("PodScheduled") && c.path("reason").asText().equals("SchedulingGated")) {
                    reason = "SchedulingGated";
                }
            }
            total = spec.path("containers").size();
            Set<String> sidecars = new HashSet<>();
            for (JsonNode c : spec.path("initContainers")) {
                if (c.path("restartPolicy").asText().equals("Always")) {
                    sidecars.add(c.path("name").asText());
                    total++;
                }
            }
            boolean initializing = initContainers(spec, status, sidecars);
            if (!initializing || Cells.condition(status.path("conditions"), "Initialized").equals("True")) {
                containers(status);
            }
            boolean deleting = pod.path("metadata").hasNonNull("deletionTimestamp");
            if (deleting && status.path("reason").asText().equals("NodeLost")) {
                reason = "Unknown";
            } else if (deleting && !phase.equals("Succeeded") && !phase.equals("Failed")) {
                reason = "Terminating";
            }
        }

        /** Walks init containers; true while the pod is still initializing (reason then says how far). */
        private boolean initContainers(JsonNode spec, JsonNode status, Set<String> sidecars) {
            long sidecarRestarts = 0;
            String sidecarLastRestart = null;
            boolean initializing = false;
            int i = 0;
            for (JsonNode c : status.path("initContainerStatuses")) {
                boolean sidecar = sidecars.contains(c.path("name").asText());
                restarts += c.path("restartCount").asLong(0);
                lastRestart = later(lastRestart, finishedAt(c));
                if (sidecar) {
                    sidecarRestarts += c.path("restartCount").asLong(0);
                    sidecarLastRestart = later(sidecarLastRestart, finishedAt(c));
                }
                JsonNode terminated = c.path("state").path("terminated");
                JsonNode waiting = c.path("state").path("waiting");
                if (terminated.isObject() && terminated.path("exitCode").asInt(0) == 0) {
                    i++;
                    continue;
                }
                if (sidecar && c.path("started").asBoolean(false)) {
                    if (c.path("ready").asBoolean(false)) {
                        ready++;
                    }
                    i++;
                    continue;
                }
                if (terminated.isObject()) {
                    String why = terminated.path("reason").asText("");
                    reason = !why.isEmpty() ? "Init:" + why
                            : terminated.path("signal").asInt(0) != 0 ? "Init:Signal:" + terminated.path("signal").asInt()
                            : "Init:ExitCode:" + terminated.path("exitCode").asInt();
                } else if (waiting.isObject() && !waiting.path("reason").asText("").isEmpty()
                        && !waiting.path("reason").asText().equals("PodInitializing")) {
                    reason = "Init:" + waiting.path("reason").asText();
                } else {
                    reason = "Init:" + i + "/" + spec.path("initContainers").size();
                }
                initializing = true;
                break;
            }
            if (!initializing || Cells.condition(status.path("conditions"), "Initialized").equals("True")) {
                restarts = sidecarRestarts;
                lastRestart = sidecarLastRestart;
            }
            return initializing;
        }

        private void containers(JsonNode status) {
            boolean hasRunning = false;
            JsonNode statuses = status.path("containerStatuses");
            for (int i = statuses.size() - 1; i >= 0; i--) {
                JsonNode c = statuses.get(i);
                restarts += c.path("restartCount").asLong(0);
                lastRestart = later(lastRestart, finishedAt(c));
                JsonNode waiting = c.path("state").path("waiting");
                JsonNode terminated = c.path("state").path("terminated");
                if (waiting.isObject() && !waiting.path("reason").asText("").isEmpty()) {
                    reason = waiting.path("reason").asText();
                } else if (terminated.isObject() && !terminated.path("reason").asText("").isEmpty()) {
                    reason = terminated.path("reason").asText();
                } else if (terminated.isObject()) {
                    reason = terminated.path("signal").asInt(0) != 0 ? "Signal:" + terminated.path("signal").asInt()
                            : "ExitCode:" + terminated.path("exitCode").asInt();
                } else if (c.path("ready").asBoolean(false) && c.path("state").path("running").isObject()) {
                    hasRunning = true;
                    ready++;
                }
            }
            if (reason.equals("Completed") && hasRunning) {
                reason = Cells.condition(status.path("conditions"), "Ready").equals("True") ? "Running" : "NotReady";
            }
        }

        private static String finishedAt(JsonNode containerStatus) {
            String t = containerStatus.path("lastState").path("terminated").path("finishedAt").asText("");
            return t.isEmpty() ? null : t;
        }

        /** The later of two RFC 3339 timestamps in UTC ('Z'), which compare as text. */
        private static String later(String a, String b) {
            if (a == null) {
                return b;
            }
            return b != null && b.compareTo(a) > 0 ? b : a;
        }
    }
}
