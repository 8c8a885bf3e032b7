package io.fleetdeck.core.gpu;

import java.util.OptionalLong;

/**
 * One number read from the driver, or why there is none. "Not supported" is kept apart from a failure because
 * it is a property of the GPU (e.g. a query the product does not implement), not a fault to alarm about.
 */
public sealed interface GpuReading {

    /** A value the driver returned. Unsigned driver integers arrive widened, never negative. */
    record Value(long value) implements GpuReading {
    }

    /** The driver says this GPU or driver does not implement the query. */
    record NotSupported(String detail) implements GpuReading {
    }

    /** The query failed for another reason (no permission, GPU lost, ...): {@code error} names the driver's code. */
    record Failed(String error) implements GpuReading {
    }

    static GpuReading of(long value) {
        return new Value(value);
    }

    static GpuReading notSupported() {
        return new NotSupported("not supported");
    }

    static GpuReading failed(String error) {
        return new Failed(error);
    }

    default boolean isValue() {
        return this instanceof Value;
    }

    default boolean isNotSupported() {
        return this instanceof NotSupported;
    }

    default OptionalLong asLong() {
        return this instanceof Value(long v) ? OptionalLong.of(v) : OptionalLong.empty();
    }

    /** For tables and the CLI: "37 %", "not supported", "failed: NVML_ERROR_NO_PERMISSION". */
    default String describe(String unit) {
        return switch (this) {
            case Value(long v) -> unit.isEmpty() ? Long.toString(v) : v + " " + unit;
            case NotSupported(String detail) -> detail;
            case Failed(String error) -> "failed: " + error;
        };
    }
}
