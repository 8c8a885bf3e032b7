package io.fleetdeck.core.capacity;

/**
 * How a GPU node's time-slicing compares with the NVENC density measured for its GPU. Slices are only
 * scheduling units: the encoder hardware does not grow with them, so too many slices drop frames and too
 * few leave paid-for encoder capacity idle.
 */
public enum DensityVerdict {
    NOT_GPU, NO_TARGET, OVERSUBSCRIBED, STRANDED, OK;

    /** Below this share of the target a node is stranded (3/4, kept as a fraction to compare exactly). */
    static final int STRANDED_NUMERATOR = 3;
    static final int STRANDED_DENOMINATOR = 4;

    /** The verdict for {@code replicasPerGpu} slices per GPU against {@code target} sessions (0 = no target). */
    public static DensityVerdict of(boolean gpu, int replicasPerGpu, int target) {
        if (!gpu) {
            return NOT_GPU;
        }
        if (target <= 0) {
            return NO_TARGET;
        }
        if (replicasPerGpu > target) {
            return OVERSUBSCRIBED;
        }
        if ((long) replicasPerGpu * STRANDED_DENOMINATOR < (long) target * STRANDED_NUMERATOR) {
            return STRANDED;
        }
        return OK;
    }

    /** True for the verdicts an operator should act on. */
    public boolean isProblem() {
        return this == OVERSUBSCRIBED || this == STRANDED;
    }

    /**
     * One line for a tooltip or a report, e.g.
     * "40 slices per Tesla-T4 but NVENC holds 28 at 1080p25: frame drops expected".
     */
    public String explain(String product, int replicasPerGpu, int target, String profile) {
        String gpu = product == null || product.isEmpty() ? "GPU" : product;
        return switch (this) {
            case NOT_GPU -> "no GPU on this node";
            case NO_TARGET -> "no density target for " + gpu + " at " + profile
                    + ": configure sessions per GPU to judge " + replicasPerGpu + " slices";
            case OVERSUBSCRIBED -> replicasPerGpu + " slices per " + gpu + " but NVENC holds " + target + " at "
                    + profile + ": frame drops expected";
            case STRANDED -> "only " + replicasPerGpu + " slices per " + gpu + " where NVENC holds " + target
                    + " at " + profile + ": " + (target - replicasPerGpu) + " sessions per GPU left unused";
            case OK -> replicasPerGpu + " slices per " + gpu + " within the " + target + " NVENC holds at "
                    + profile;
        };
    }
}
