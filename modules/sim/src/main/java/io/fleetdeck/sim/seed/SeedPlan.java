package io.fleetdeck.sim.seed;

/**
 * What to seed: node count, the random seed, and which share of the free slices carry sessions
 * (0.85 by default: most but not all; about 0.4 gives ~50,000 sessions on 5,000 nodes).
 */
public record SeedPlan(int nodes, long seed, double sessionFill) {
    public static final double DEFAULT_FILL = 0.85;

    public SeedPlan {
        if (nodes < 4) {
            throw new IllegalArgumentException("the demo fleet needs at least 4 nodes, one per pool");
        }
        if (sessionFill < 0 || sessionFill > 1) {
            throw new IllegalArgumentException("sessionFill must be within [0, 1]");
        }
    }
}
