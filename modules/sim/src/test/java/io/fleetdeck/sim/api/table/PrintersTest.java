package io.fleetdeck.sim.api.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ResourceCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row cells as kube-apiserver prints them, for the node and pod states an operator meets during maintenance. */
class PrintersTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private final RowPrinter nodes = Printers.forType(ResourceCatalog.NODES);
    private final RowPrinter pods = Printers.forType(ResourceCatalog.PODS);

    private static ObjectNode node(String readyStatus, boolean cordoned, String extraLabels) {
        return Json.parse("""
            {"metadata":{"name":"ip-10-0-0-4.ec2.internal","creationTimestamp":"2026-03-05T00:00:00Z",
              "labels":{"kubernetes.io/os":"linux"%s}},
             "spec":{%s},
             "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"%s"}],
              "addresses":[{"type":"InternalIP","address":"10.0.0.4"},{"type":"Hostname","address":"ip-10-0-0-4"}],
              "nodeInfo":{"kubeletVersion":"v1.31.4","osImage":"Flatcar Container Linux by Kinvolk 4081.2.0 (Oklo)",
                "kernelVersion":"6.6.60-flatcar","containerRuntimeVersion":"containerd://1.7.23"}}}"""
                .formatted(extraLabels, cordoned ? "\"unschedulable\":true" : "", readyStatus));
    }

    @Test
    void cordonedNodeIsReadyWithSchedulingDisabled() {
        List<Object> cells = nodes.cells(node("True", true, ""), NOW);
        assertThat(cells).containsExactly("ip-10-0-0-4.ec2.internal", "Ready,SchedulingDisabled", "<none>", "5d12h",
                "v1.31.4", "10.0.0.4", "<none>", "Flatcar Container Linux by Kinvolk 4081.2.0 (Oklo)", "6.6.60-flatcar",
                "containerd://1.7.23");
        assertThat(nodes.columns()).extracting(Column::name).containsExactly("Name", "Status", "Roles", "Age", "Version",
                "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime");
        assertThat(nodes.columns()).extracting(Column::priority).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
    }

    @Test
    void nodeStatusFollowsTheReadyCondition() {
        assertThat(nodes.cells(node("Unknown", false, ""), NOW).get(1)).isEqualTo("NotReady");
        assertThat(nodes.cells(node("False", true, ""), NOW).get(1)).isEqualTo("NotReady,SchedulingDisabled");
        ObjectNode noConditions = node("True", false, "");
        ((ObjectNode) noConditions.get("status")).remove("conditions");
        assertThat(nodes.cells(noConditions, NOW).get(1)).isEqualTo("Unknown");
    }

    @Test
    void rolesComeFromNodeRoleLabels() {
        ObjectNode n = node("True", false, ",\"node-role.kubernetes.io/worker\":\"\",\"node-role.kubernetes.io/gpu\":\"\"");
        assertThat(nodes.cells(n, NOW).get(2)).isEqualTo("gpu,worker");
    }

    private static ObjectNode pod(String extraMeta, String containerStatuses) {
        return Json.parse("""
            {"metadata":{"name":"live-720p-t4-abc-x1","namespace":"streaming",
              "creationTimestamp":"2026-03-10T11:15:00Z"%s},
             "spec":{"nodeName":"ip-10-0-0-4.ec2.internal","containers":[{"name":"encoder"},{"name":"sidecar"}]},
             "status":{"phase":"Running","podIP":"10.1.0.9","podIPs":[{"ip":"10.1.0.9"}],
              "conditions":[{"type":"Ready","status":"True"}],"containerStatuses":[%s]}}"""
                .formatted(extraMeta, containerStatuses));
    }

    private static final String RUNNING = """
        {"name":"encoder","ready":true,"restartCount":0,"state":{"running":{"startedAt":"2026-03-10T11:15:05Z"}}},
        {"name":"sidecar","ready":true,"restartCount":0,"state":{"running":{"startedAt":"2026-03-10T11:15:05Z"}}}""";

    @Test
    void runningPodShowsReadyContainersAndNoRestarts() {
        assertThat(pods.cells(pod("", RUNNING), NOW)).containsExactly("live-720p-t4-abc-x1", "2/2", "Running", "0", "45m",
                "10.1.0.9", "ip-10-0-0-4.ec2.internal", "<none>", "<none>");
    }

    @Test
    void terminatingPodSaysSo() {
        List<Object> cells = pods.cells(pod(",\"deletionTimestamp\":\"2026-03-10T12:00:30Z\"", RUNNING), NOW);
        assertThat(cells.subList(1, 4)).containsExactly("2/2", "Terminating", "0");
    }

    @Test
    void crashLoopingContainerGivesItsReasonAndLastRestart() {
        String statuses = """
            {"name":"encoder","ready":false,"restartCount":4,"state":{"waiting":{"reason":"CrashLoopBackOff"}},
             "lastState":{"terminated":{"exitCode":1,"finishedAt":"2026-03-10T11:57:00Z"}}},
            {"name":"sidecar","ready":true,"restartCount":0,"state":{"running":{}}}""";
        assertThat(pods.cells(pod("", statuses), NOW).subList(1, 4))
                .containsExactly("1/2", "CrashLoopBackOff", "4 (3m ago)");
    }

    @Test
    void initContainersAndFinishedPods() {
        ObjectNode init = pod("", "");
        ObjectNode spec = (ObjectNode) init.get("spec");
        spec.putArray("initContainers").addObject().put("name", "fetch-model");
        ObjectNode status = (ObjectNode) init.get("status");
        status.put("phase", "Pending");
        status.putArray("initContainerStatuses").addObject().put("name", "fetch-model").put("restartCount", 0)
                .putObject("state").putObject("waiting").put("reason", "PodInitializing");
        assertThat(pods.cells(init, NOW).get(2)).isEqualTo("Init:0/1");

        ObjectNode done = pod("", """
            {"name":"encoder","ready":false,"restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}},
            {"name":"sidecar","ready":false,"restartCount":0,"state":{"terminated":{"exitCode":0,"reason":"Completed"}}}""");
        ((ObjectNode) done.get("status")).put("phase", "Succeeded");
        assertThat(pods.cells(done, NOW).subList(1, 3)).containsExactly("0/2", "Completed");
        assertThat(pods.conditions(done)).singleElement()
                .satisfies(c -> assertThat(c.path("type").asText()).isEqualTo("Completed"));
    }

    @Test
    void agesHaveAboutTwoSignificantFigures() {
        assertThat(Ages.human(Duration.ofSeconds(-1))).isEqualTo("0s");
        assertThat(Ages.human(Duration.ofSeconds(-5))).isEqualTo("<invalid>");
        assertThat(Ages.human(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(Ages.human(Duration.ofSeconds(200))).isEqualTo("3m20s");
        assertThat(Ages.human(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(Ages.human(Duration.ofMinutes(105))).isEqualTo("105m");
        assertThat(Ages.human(Duration.ofMinutes(200))).isEqualTo("3h20m");
        assertThat(Ages.human(Duration.ofHours(17))).isEqualTo("17h");
        assertThat(Ages.human(Duration.ofHours(108))).isEqualTo("4d12h");
        assertThat(Ages.human(Duration.ofDays(9))).isEqualTo("9d");
        assertThat(Ages.human(Duration.ofDays(800))).isEqualTo("2y70d");
        assertThat(Ages.human(Duration.ofDays(3000))).isEqualTo("8y");
        assertThat(Ages.since("", NOW)).isEqualTo("<unknown>");
    }

    @Test
    void selectorsPrintLikeLabelSelectorStrings() {
        assertThat(Cells.selector(Json.parse("""
            {"matchLabels":{"tier":"edge","app":"enc"},
             "matchExpressions":[{"key":"zone","operator":"In","values":["b","a"]},{"key":"gpu","operator":"Exists"}]}""")))
                .isEqualTo("app=enc,gpu,tier=edge,zone in (a,b)");
    }
}
