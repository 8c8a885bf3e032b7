package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SkeletonItemStoreTest {
    private static Pod pod(String name, String rv) {
        return new PodBuilder().withNewMetadata().withNamespace("streaming").withName(name).withUid("uid-" + name)
                .withResourceVersion(rv).addToLabels("app", "live").endMetadata()
                .withNewSpec().withNodeName("gpu-1").endSpec().build();
    }

    @Test
    void keepsWhatTheInformerNeedsAndHandsBackThePreviousSkeleton() {
        SkeletonItemStore<Pod> store = new SkeletonItemStore<>(Pod::new);
        Pod first = pod("enc-a", "10");
        String key = store.getKey(first);
        assertThat(key).isEqualTo("streaming/enc-a");

        assertThat(store.put(key, first)).isNull();
        Pod previous = store.put(key, pod("enc-a", "11"));
        assertThat(previous.getMetadata().getResourceVersion()).isEqualTo("10");
        assertThat(previous.getMetadata().getUid()).isEqualTo("uid-enc-a");
        assertThat(previous.getMetadata().getLabels()).as("only the skeleton is kept").isNullOrEmpty();
        assertThat(previous.getSpec()).isNull();

        assertThat(store.get(key).getMetadata().getResourceVersion()).isEqualTo("11");
        assertThat(store.keySet()).containsExactly(key);
        assertThat(store.values()).singleElement().satisfies(p -> {
            assertThat(p.getMetadata().getName()).isEqualTo("enc-a");
            assertThat(p.getMetadata().getNamespace()).isEqualTo("streaming");
        });
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.isFullState()).isFalse();

        assertThat(store.remove(key).getMetadata().getUid()).isEqualTo("uid-enc-a");
        assertThat(store.get(key)).isNull();
        assertThat(store.size()).isZero();
    }
}
