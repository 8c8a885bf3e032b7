package io.fleetdeck.core.capacity;

import io.fleetdeck.core.model.FleetLabels;
import io.fleetdeck.core.model.NodeSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DensityTargetsTest {
    private final DensityTargets targets = DensityTargets.defaults();

    @ParameterizedTest
    @CsvSource({"Tesla-T4,28", "Tesla-T4-SHARED,28", "NVIDIA-T4,28", "T4,28", "tesla-t4-shared,28",
            "NVIDIA-T4G,28", "T4G-SHARED,28", "NVIDIA-A10G,31", "A10G,31", "NVIDIA-A10G-SHARED,31"})
    void productsMatchLooselyOnPrefixSuffixAndCase(String product, int expected) {
        assertThat(targets.sessionsPerGpu(product)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"T4X", "Tesla-T", "NVIDIA-A10", "NVIDIA-L4", "", "  "})
    void otherProductsHaveNoTarget(String product) {
        assertThat(targets.sessionsPerGpu(product)).isEmpty();
    }

    @Test
    void t4gIsNotT4() {
        DensityTargets onlyT4 = new DensityTargets("1080p25", Map.of("Tesla-T4", 28));
        assertThat(onlyT4.sessionsPerGpu("NVIDIA-T4G")).isEmpty();
        DensityTargets onlyT4g = new DensityTargets("1080p25", Map.of("NVIDIA-T4G", 20));
        assertThat(onlyT4g.sessionsPerGpu("Tesla-T4")).isEmpty();
        assertThat(targets.sessionsPerGpu(null)).isEqualTo(OptionalInt.empty());
    }

    @Test
    void rejectsNonPositiveTargets() {
        assertThatThrownBy(() -> new DensityTargets("x", Map.of("T4", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("T4");
    }

    @Test
    void judgesTimeSlicingAgainstTheTarget() {
        assertThat(targets.judge(Fixtures.summary(Fixtures.gpu("a", "Tesla-T4", 1, 40, "g4dn.2xlarge", "p", "amd64"))))
                .isEqualTo(DensityVerdict.OVERSUBSCRIBED);
        assertThat(targets.judge(Fixtures.summary(Fixtures.gpu("b", "Tesla-T4", 1, 28, "g4dn.2xlarge", "p", "amd64"))))
                .isEqualTo(DensityVerdict.OK);
        // 21 = 75% of 28 is still fine; 20 strands capacity.
        assertThat(targets.judge(Fixtures.summary(Fixtures.gpu("c", "Tesla-T4", 1, 21, "g4dn.2xlarge", "p", "amd64"))))
                .isEqualTo(DensityVerdict.OK);
        assertThat(targets.judge(Fixtures.summary(Fixtures.gpu("d", "Tesla-T4", 1, 20, "g4dn.2xlarge", "p", "amd64"))))
                .isEqualTo(DensityVerdict.STRANDED);
        assertThat(targets.judge(Fixtures.summary(Fixtures.gpu("e", "NVIDIA-L4", 1, 20, "g6.2xlarge", "p", "amd64"))))
                .isEqualTo(DensityVerdict.NO_TARGET);
        assertThat(targets.judge(Fixtures.summary(Fixtures.cpu("f")))).isEqualTo(DensityVerdict.NOT_GPU);
        assertThat(targets.judge(Fixtures.summary(
                Fixtures.fpga("g", "fpga.accelerator.vendorX", 4, "vt1.3xlarge")))).isEqualTo(DensityVerdict.NOT_GPU);
    }

    @Test
    void renamedSharedResourceIsJudgedLikeThePlain() {
        NodeSummary s = Fixtures.summary(Fixtures.renamedGpu("r", 1, 40));
        assertThat(s.sliceResource()).isEqualTo(FleetLabels.GPU_SHARED_RESOURCE);
        assertThat(targets.judge(s)).isEqualTo(DensityVerdict.OVERSUBSCRIBED);
    }

    @Test
    void nodeWithoutGfdLabelsHasNoTargetAndOneSlicePerGpu() {
        NodeSummary s = Fixtures.summary(Fixtures.bareGpu("bare", 2));
        assertThat(s.hasGpu()).isTrue();
        assertThat(DensityTargets.replicasPerGpu(s)).isEqualTo(1);
        assertThat(targets.judge(s)).isEqualTo(DensityVerdict.NO_TARGET);
        assertThat(targets.explain(s)).contains("no density target for GPU");
    }

    @Test
    void explainsInOneLine() {
        NodeSummary over = Fixtures.summary(Fixtures.gpu("a", "Tesla-T4", 1, 40, "g4dn.2xlarge", "p", "amd64"));
        assertThat(targets.explain(over))
                .isEqualTo("40 slices per Tesla-T4 but NVENC holds 28 at 1080p25: frame drops expected");
        NodeSummary stranded = Fixtures.summary(Fixtures.gpu("b", "NVIDIA-A10G", 1, 10, "g5.2xlarge", "p", "amd64"));
        assertThat(targets.explain(stranded)).isEqualTo(
                "only 10 slices per NVIDIA-A10G where NVENC holds 31 at 1080p25: 21 sessions per GPU left unused");
        assertThat(DensityVerdict.NOT_GPU.explain("", 0, 0, "1080p25")).doesNotContain("\n");
        assertThat(DensityVerdict.OK.isProblem()).isFalse();
        assertThat(DensityVerdict.STRANDED.isProblem()).isTrue();
    }
}
