package io.fleetdeck.kube;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A small run of the footprint measurement: the reduced store must be a fraction of full pods. */
class PodCacheFootprintTest {
    @Test
    void reducedStoreIsAFractionOfFullPods() {
        PodCacheFootprint.Result r = PodCacheFootprint.measure(1_500);
        assertThat(r.reducedBytes()).isLessThan(r.fullBytes() / 5);
        assertThat(r.podInfoBytes()).isLessThan(r.fullBytes() / 5);
    }
}
