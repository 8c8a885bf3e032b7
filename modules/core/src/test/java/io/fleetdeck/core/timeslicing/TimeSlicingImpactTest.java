package io.fleetdeck.core.timeslicing;

import io.fleetdeck.core.capacity.DensityVerdict;
import io.fleetdeck.core.capacity.Fixtures;
import io.fleetdeck.core.model.EncoderNode;
import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;
import io.fleetdeck.core.model.PodInfo;
import io.fleetdeck.core.timeslicing.TimeSlicingImpact.NodeImpact;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.fleetdeck.core.timeslicing.DevicePluginConfigTest.timeSlicing;
import static org.assertj.core.api.Assertions.assertThat;

class TimeSlicingImpactTest {
    private static final String GPU = FleetLabels.GPU_RESOURCE;

    private static List<PodInfo> sessions(String node, int n) {
        List<PodInfo> pods = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pods.add(Fixtures.session(node + "-" + i, node, GPU, 1, false));
        }
        return pods;
    }

    private static EncoderNode t4(String name, int replicas, String pool, String config) {
        EncoderNode n = Fixtures.gpu(name, "Tesla-T4", 1, replicas, "g4dn.2xlarge", pool, "amd64");
        return config == null ? n : Fixtures.withLabel(n, FleetLabels.DEVICE_PLUGIN_CONFIG, config);
    }

    @Test
    void loweringReplicasDisplacesSessionsBeyondTheNewSlices() {
        List<PodInfo> pods = new ArrayList<>(sessions("a", 35));
        pods.addAll(sessions("b", 10));
        List<NodeSummary> nodes = Fixtures.summaries(List.of(t4("a", 40, "x86", null), t4("b", 40, "x86", null),
                Fixtures.cpu("c")), pods);
        TimeSlicingImpact impact = TimeSlicingImpact.compute(Map.of("default", timeSlicing(40)),
                Map.of("default", timeSlicing(28)), nodes, "default");

        assertThat(impact.nodes()).extracting(NodeImpact::node).containsExactly("a", "b");
        NodeImpact a = impact.nodes().getFirst();
        assertThat(a.slicesBefore()).isEqualTo(40);
        assertThat(a.slicesAfter()).isEqualTo(28);
        assertThat(a.used()).isEqualTo(35);
        assertThat(a.displaced()).isEqualTo(7);
        assertThat(a.note()).isEqualTo("35 slices in use but only 28 after the change");
        assertThat(a.verdictBefore()).isEqualTo(DensityVerdict.OVERSUBSCRIBED);
        assertThat(a.verdictAfter()).isEqualTo(DensityVerdict.OK);
        assertThat(impact.nodes().get(1).displaced()).isZero();
        assertThat(impact.nodes().get(1).note()).isEmpty();

        assertThat(impact.pools()).singleElement().satisfies(p -> {
            assertThat(p.pool()).isEqualTo("x86");
            assertThat(p.nodes()).isEqualTo(2);
            assertThat(p.slicesBefore()).isEqualTo(80);
            assertThat(p.slicesAfter()).isEqualTo(56);
            assertThat(p.displaced()).isEqualTo(7);
            assertThat(p.oversubscribedAfter()).isZero();
        });
        assertThat(impact.total().used()).isEqualTo(45);
        assertThat(impact.unaffected()).isEmpty();
    }

    @Test
    void nodesPickTheirConfigByLabelAndUnknownKeysAreUnaffected() {
        List<NodeSummary> nodes = Fixtures.summaries(List.of(
                t4("default-node", 28, "x86", null),
                t4("dense", 28, "x86", "dense"),
                t4("sparse", 28, "edge", "sparse"),
                t4("other", 28, "edge", "not-in-map")), sessions("sparse", 20));
        TimeSlicingImpact impact = TimeSlicingImpact.compute(Map.of(),
                Map.of("default", timeSlicing(28), "dense", timeSlicing(50), "sparse", timeSlicing(10)),
                nodes, "default");

        assertThat(impact.nodes()).extracting(NodeImpact::node, NodeImpact::configKey, NodeImpact::slicesAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("default-node", "default", 28L),
                        org.assertj.core.groups.Tuple.tuple("dense", "dense", 50L),
                        org.assertj.core.groups.Tuple.tuple("sparse", "sparse", 10L));
        // With no "before" configs the live replicas are the baseline.
        assertThat(impact.nodes()).allSatisfy(n -> assertThat(n.slicesBefore()).isEqualTo(28));
        assertThat(impact.nodes().get(1).verdictAfter()).isEqualTo(DensityVerdict.OVERSUBSCRIBED);
        assertThat(impact.nodes().get(2).verdictAfter()).isEqualTo(DensityVerdict.STRANDED);
        assertThat(impact.nodes().get(2).displaced()).isEqualTo(10);
        assertThat(impact.unaffected()).singleElement().satisfies(u -> {
            assertThat(u.node()).isEqualTo("other");
            assertThat(u.configKey()).isEqualTo("not-in-map");
        });
        assertThat(impact.pools()).extracting(TimeSlicingImpact.PoolImpact::pool).containsExactly("edge", "x86");
        assertThat(impact.pools().getFirst().strandedAfter()).isEqualTo(1);
        assertThat(impact.pools().get(1).oversubscribedAfter()).isEqualTo(1);
    }

    @Test
    void invalidNewConfigsLeaveTheirNodesUnaffectedAndAreReported() {
        List<NodeSummary> nodes = Fixtures.summaries(List.of(t4("a", 28, "x86", null)), List.of());
        TimeSlicingImpact impact = TimeSlicingImpact.compute(Map.of(), Map.of("default", timeSlicing(0)), nodes,
                "default");
        assertThat(impact.nodes()).isEmpty();
        assertThat(impact.unaffected()).singleElement().extracting(TimeSlicingImpact.Unaffected::reason)
                .asString().contains("invalid");
        assertThat(impact.invalidConfigs()).containsOnlyKeys("default");
    }

    @Test
    void renamingTheResourceDisplacesEverySession() {
        List<NodeSummary> nodes = Fixtures.summaries(List.of(t4("a", 28, "x86", null)), sessions("a", 5));
        String renamed = timeSlicing(28).replace("renameByDefault: false", "renameByDefault: true");
        NodeImpact a = TimeSlicingImpact.compute(Map.of("default", timeSlicing(28)), Map.of("default", renamed),
                nodes, "default").nodes().getFirst();
        assertThat(a.slicesAfter()).isEqualTo(28);
        assertThat(a.displaced()).isEqualTo(5);
        assertThat(a.note()).contains("advertised as nvidia.com/gpu.shared instead of nvidia.com/gpu");
    }

    @Test
    void alreadyRenamedNodesKeepTheirSharedResource() {
        String renamed = timeSlicing(28).replace("renameByDefault: false", "renameByDefault: true");
        List<NodeSummary> nodes = Fixtures.summaries(List.of(Fixtures.renamedGpu("r", 1, 28)), List.of(
                Fixtures.session("s1", "r", FleetLabels.GPU_SHARED_RESOURCE, 1, false)));
        NodeImpact r = TimeSlicingImpact.compute(Map.of("default", renamed),
                Map.of("default", renamed.replace("replicas: 28", "replicas: 20")), nodes, "default").nodes()
                .getFirst();
        assertThat(r.slicesBefore()).isEqualTo(28);
        assertThat(r.slicesAfter()).isEqualTo(20);
        assertThat(r.displaced()).isZero();
        assertThat(r.verdictAfter()).isEqualTo(DensityVerdict.STRANDED);
    }

    @Test
    void nodesWithoutGfdLabelsAndWithoutGpusAreHandled() {
        List<NodeSummary> nodes = Fixtures.summaries(List.of(Fixtures.bareGpu("bare", 2),
                Fixtures.fpga("f", "fpga.accelerator.vendorX", 4, "vt1.3xlarge")), List.of());
        TimeSlicingImpact impact = TimeSlicingImpact.compute(Map.of(), Map.of("default", timeSlicing(10)), nodes,
                "default");
        assertThat(impact.nodes()).singleElement().satisfies(n -> {
            assertThat(n.node()).isEqualTo("bare");
            assertThat(n.gpus()).isEqualTo(2);
            assertThat(n.slicesBefore()).isEqualTo(2);
            assertThat(n.slicesAfter()).isEqualTo(20);
            assertThat(n.pool()).isEqualTo("none");
            assertThat(n.verdictAfter()).isEqualTo(DensityVerdict.NO_TARGET);
        });
        assertThat(TimeSlicingImpact.compute(Map.of(), Map.of(), nodes, null).unaffected()).hasSize(1);
    }
}
