package io.fleetdeck.app.timeslicing;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigChangesTest {
    @Test
    void editsCarryOverToFreshDataUnlessTheServerChangedTheirKey() {
        Map<String, String> before = Map.of("t4-28", "a", "a10g-31", "b", "t4-40", "c");
        Map<String, String> now = Map.of("t4-28", "a-changed", "a10g-31", "b", "t4-40", "c-theirs");
        Map<String, String> edits = new HashMap<>(Map.of("t4-28", "mine", "a10g-31", "mine too", "t4-40", "c-theirs"));

        assertThat(ConfigChanges.rebase(before, now, edits)).containsExactlyInAnyOrder("t4-28", "t4-40");
        assertThat(edits).containsOnly(Map.entry("a10g-31", "mine too"));
    }

    @Test
    void anEditThatNowEqualsTheServerTextIsNoLongerAnEdit() {
        Map<String, String> edits = new HashMap<>(Map.of("t4-28", "same"));
        assertThat(ConfigChanges.rebase(Map.of("t4-28", "same"), Map.of("t4-28", "same"), edits)).isEmpty();
        assertThat(edits).isEmpty();
    }
}
