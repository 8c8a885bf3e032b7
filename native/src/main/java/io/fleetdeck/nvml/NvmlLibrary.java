package io.fleetdeck.nvml;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The loaded libnvidia-ml and one downcall handle per NVML function FleetDeck uses, with NVML's C signatures:
 * {@code nvmlReturn_t} and C enums are {@code int}, {@code unsigned int} is read as {@code int} and widened
 * unsigned by the caller, {@code nvmlDevice_t} is an opaque pointer. The library stays mapped until
 * {@link #close()}, because re-opening it per probe would re-run the dynamic linker for nothing.
 */
final class NvmlLibrary implements AutoCloseable {
    static final String DEFAULT_NAME = "libnvidia-ml.so.1";

    private static final FunctionDescriptor RET = FunctionDescriptor.of(JAVA_INT);
    private static final FunctionDescriptor RET_PTR_UINT = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT);
    private static final FunctionDescriptor RET_DEV_PTR_UINT = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT);
    private static final FunctionDescriptor RET_DEV_INT_PTR = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);

    private final Arena arena;
    final MethodHandle init;
    final MethodHandle shutdown;
    final MethodHandle errorString;
    final MethodHandle driverVersion;
    final MethodHandle nvmlVersion;
    final MethodHandle deviceCount;
    final MethodHandle handleByIndex;
    final MethodHandle name;
    final MethodHandle uuid;
    final MethodHandle temperature;
    final MethodHandle encoderUtilisation;
    final MethodHandle encoderStats;
    final MethodHandle encoderCapacity;

    private NvmlLibrary(Arena arena, SymbolLookup lookup) {
        this.arena = arena;
        Linker linker = Linker.nativeLinker();
        init = bind(linker, lookup, "nvmlInit_v2", RET);
        shutdown = bind(linker, lookup, "nvmlShutdown", RET);
        errorString = bind(linker, lookup, "nvmlErrorString", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        driverVersion = bind(linker, lookup, "nvmlSystemGetDriverVersion", RET_PTR_UINT);
        nvmlVersion = bind(linker, lookup, "nvmlSystemGetNVMLVersion", RET_PTR_UINT);
        deviceCount = bind(linker, lookup, "nvmlDeviceGetCount_v2", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        handleByIndex = bind(linker, lookup, "nvmlDeviceGetHandleByIndex_v2",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
        name = bind(linker, lookup, "nvmlDeviceGetName", RET_DEV_PTR_UINT);
        uuid = bind(linker, lookup, "nvmlDeviceGetUUID", RET_DEV_PTR_UINT);
        temperature = bind(linker, lookup, "nvmlDeviceGetTemperature", RET_DEV_INT_PTR);
        encoderUtilisation = bind(linker, lookup, "nvmlDeviceGetEncoderUtilization",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
        encoderStats = bind(linker, lookup, "nvmlDeviceGetEncoderStats",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        encoderCapacity = bind(linker, lookup, "nvmlDeviceGetEncoderCapacity", RET_DEV_INT_PTR);
    }

    /**
     * Opens the library: {@code explicitPath} when given (tests, unusual installs), else the dynamic linker's
     * search for {@value #DEFAULT_NAME}, exactly as the CUDA runtime and nvidia-smi find it.
     *
     * @throws NvmlUnavailableException with a sentence for the user when the library or a symbol is missing
     */
    static NvmlLibrary open(Optional<Path> explicitPath) {
        Arena arena = Arena.ofShared();
        try {
            SymbolLookup lookup = explicitPath.isPresent()
                    ? SymbolLookup.libraryLookup(explicitPath.get(), arena)
                    : SymbolLookup.libraryLookup(DEFAULT_NAME, arena);
            return new NvmlLibrary(arena, lookup);
        } catch (IllegalArgumentException e) {
            arena.close();
            throw new NvmlUnavailableException(explicitPath
                    .map(p -> DEFAULT_NAME + " not found at " + p + " (set by fleetdeck.nvml.library)")
                    .orElse(DEFAULT_NAME + " not found: no NVIDIA driver on this machine"));
        } catch (NvmlUnavailableException e) {
            arena.close();
            throw e;
        }
    }

    private static MethodHandle bind(Linker linker, SymbolLookup lookup, String symbol, FunctionDescriptor descriptor) {
        MemorySegment address = lookup.find(symbol).orElseThrow(() -> new NvmlUnavailableException(
                DEFAULT_NAME + " has no " + symbol + ": the NVIDIA driver is too old for FleetDeck"));
        return linker.downcallHandle(address, descriptor);
    }

    /** NVML's own text for a code, e.g. "Driver Not Loaded"; the pointer is to a static string in the library. */
    String describe(int code) {
        try {
            MemorySegment text = (MemorySegment) errorString.invokeExact(code);
            // Zero-length segment from native code: widen it to read up to the terminating NUL, no further.
            return text.equals(MemorySegment.NULL) ? "" : text.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException("nvmlErrorString failed", t);
        }
    }

    /** "NVML_ERROR_DRIVER_NOT_LOADED (Driver Not Loaded)". */
    String explain(int code) {
        String text = describe(code);
        return text.isEmpty() ? NvmlReturn.name(code) : NvmlReturn.name(code) + " (" + text + ")";
    }

    /** Unmaps the library; no handle of this instance may be invoked afterwards. */
    @Override
    public void close() {
        arena.close();
    }
}
