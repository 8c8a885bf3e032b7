package io.fleetdeck.nvml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Test-side control of the NVML stub (src/test/c/nvml_stub.c, built by the Maven build): picks its scenario and
 * reads its test-only counters. Holding an instance open keeps the stub mapped, so its counters survive probes
 * that unload the library.
 */
final class StubNvml implements AutoCloseable {
    static final Path LIBRARY = Path.of(System.getProperty(NvmlGpuProbe.LIBRARY_PROPERTY));
    private static final Path SCENARIO_FILE = Path.of(System.getenv("FLEETDECK_NVML_STUB_SCENARIO_FILE"));

    private final Arena arena = Arena.ofConfined();
    private final MethodHandle initDepth;

    StubNvml() {
        SymbolLookup lookup = SymbolLookup.libraryLookup(LIBRARY, arena);
        initDepth = Linker.nativeLinker().downcallHandle(lookup.findOrThrow("fleetdeckStubInitDepth"),
                FunctionDescriptor.of(JAVA_INT));
    }

    /** Read by the stub at the next nvmlInit_v2 that starts from depth 0. */
    static void scenario(String name) {
        try {
            Files.writeString(SCENARIO_FILE, name + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** nvmlInit_v2 calls not yet balanced by nvmlShutdown. */
    int initDepth() {
        try {
            return (int) initDepth.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** How many of the process's memory mappings come from the stub's file. */
    static long mappings() {
        try {
            String path = LIBRARY.toRealPath().toString();
            return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.endsWith(path)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
