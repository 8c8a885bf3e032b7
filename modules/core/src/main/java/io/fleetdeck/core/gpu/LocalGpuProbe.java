package io.fleetdeck.core.gpu;

/**
 * Port: asks the local machine's GPU driver what it sees. Implementations never throw for a missing driver or
 * library; that is an ordinary answer ({@link LocalGpus#unavailable(String)}) because most workstations running
 * the console have no NVIDIA GPU at all.
 */
public interface LocalGpuProbe extends AutoCloseable {

    /** One snapshot of the local GPUs; cheap enough to call every few seconds. */
    LocalGpus probe();

    /** Releases the driver session and library, if the implementation holds them. */
    @Override
    default void close() {
    }

    /** A probe for machines or builds without a GPU binding: always answers {@code unavailable(reason)}. */
    static LocalGpuProbe unavailable(String reason) {
        LocalGpus answer = LocalGpus.unavailable(reason);
        return () -> answer;
    }
}
