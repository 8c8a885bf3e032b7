package io.fleetdeck.nvml;

import io.fleetdeck.core.gpu.GpuReading;
import io.fleetdeck.core.gpu.LocalGpu;
import io.fleetdeck.core.gpu.LocalGpuProbe;
import io.fleetdeck.core.gpu.LocalGpus;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * {@link LocalGpuProbe} over NVIDIA's NVML, called through the Foreign Function &amp; Memory API (no JNI, no
 * bundled native code). The library is found like nvidia-smi finds it ({@code libnvidia-ml.so.1} on the dynamic
 * linker's path) unless the system property {@value #LIBRARY_PROPERTY} names a file.
 *
 * <p>NVML stays initialised from the first successful probe until {@link #close()}: {@code nvmlInit} attaches to
 * every GPU and is not cheap (measured on an H100, driver 580: 33 ms for init + probe + shutdown, 0.1 ms for a
 * probe alone), while the console probes every few seconds. Out-parameters and
 * string buffers live in a confined arena per probe, freed when the probe returns. Thread-safe (probes are
 * serialised; NVML calls are quick).
 */
public final class NvmlGpuProbe implements LocalGpuProbe {
    public static final String LIBRARY_PROPERTY = "fleetdeck.nvml.library";

    // Buffer sizes from nvml.h: NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE, NVML_SYSTEM_NVML_VERSION_BUFFER_SIZE,
    // NVML_DEVICE_NAME_V2_BUFFER_SIZE, NVML_DEVICE_UUID_V2_BUFFER_SIZE.
    private static final int VERSION_BUFFER = 80;
    private static final int NAME_BUFFER = 96;
    private static final int UUID_BUFFER = 96;
    private static final int NVML_TEMPERATURE_GPU = 0;
    private static final int NVML_ENCODER_QUERY_H264 = 0;
    /** No real machine has more; a larger count means a broken library, not a reason to allocate. */
    private static final long MAX_DEVICES = 1024;

    private final Optional<Path> libraryPath;
    private NvmlLibrary library;
    private boolean initialised;
    private boolean closed;

    /** Uses {@value #LIBRARY_PROPERTY} when set, else the system's libnvidia-ml.so.1. */
    public NvmlGpuProbe() {
        this(Optional.ofNullable(System.getProperty(LIBRARY_PROPERTY)).filter(s -> !s.isBlank()).map(Path::of));
    }

    public NvmlGpuProbe(Optional<Path> libraryPath) {
        this.libraryPath = libraryPath;
    }

    @Override
    public synchronized LocalGpus probe() {
        if (closed) {
            return LocalGpus.unavailable("the NVML probe has been closed");
        }
        try {
            if (library == null) {
                library = NvmlLibrary.open(libraryPath);
            }
            if (!initialised) {
                int rc = (int) library.init.invokeExact();
                if (rc != NvmlReturn.SUCCESS) {
                    return LocalGpus.unavailable("nvmlInit failed: " + library.explain(rc));
                }
                initialised = true;
            }
            try (Arena arena = Arena.ofConfined()) {
                return read(arena);
            }
        } catch (NvmlUnavailableException e) {
            return LocalGpus.unavailable(e.getMessage());
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            // Only a binding bug gets here (wrong handle type); NVML reports its own errors as return codes.
            throw new IllegalStateException("NVML call failed", t);
        }
    }

    private LocalGpus read(Arena arena) throws Throwable {
        String driver = systemString(library.driverVersion, arena);
        String nvml = systemString(library.nvmlVersion, arena);
        MemorySegment count = arena.allocate(JAVA_INT);
        int rc = (int) library.deviceCount.invokeExact(count);
        if (rc != NvmlReturn.SUCCESS) {
            String reason = "nvmlDeviceGetCount failed: " + library.explain(rc);
            shutdownQuietly();   // the driver may have gone away: re-initialise on the next probe
            return LocalGpus.unavailable(reason);
        }
        long devices = Integer.toUnsignedLong(count.get(JAVA_INT, 0));
        if (devices > MAX_DEVICES) {
            return LocalGpus.unavailable("nvmlDeviceGetCount answered " + devices + " GPUs: not a real driver");
        }
        List<LocalGpu> gpus = new ArrayList<>((int) devices);
        for (int i = 0; i < devices; i++) {
            gpus.add(device(i, arena));
        }
        return LocalGpus.available(driver, nvml, gpus);
    }

    private LocalGpu device(int index, Arena arena) throws Throwable {
        MemorySegment handleOut = arena.allocate(ADDRESS);
        int rc = (int) library.handleByIndex.invokeExact(index, handleOut);
        if (rc != NvmlReturn.SUCCESS) {
            // Typical for a GPU without permission (cgroups) or fallen off the bus: list it, say why it is empty.
            GpuReading failed = GpuReading.failed(library.explain(rc));
            return new LocalGpu(index, "GPU " + index + " (unreadable: " + NvmlReturn.name(rc) + ")", "",
                    failed, failed, failed, failed, failed, failed);
        }
        MemorySegment device = handleOut.get(ADDRESS, 0);
        String name = deviceString(library.name, device, NAME_BUFFER, arena);
        String uuid = deviceString(library.uuid, device, UUID_BUFFER, arena);

        MemorySegment a = arena.allocate(JAVA_INT);
        MemorySegment b = arena.allocate(JAVA_INT);
        MemorySegment c = arena.allocate(JAVA_INT);
        GpuReading temperature = reading((int) library.temperature.invokeExact(device, NVML_TEMPERATURE_GPU, a), a);

        // b receives the sampling period, which the console does not show.
        GpuReading utilisation = reading((int) library.encoderUtilisation.invokeExact(device, a, b), a);

        int statsRc = (int) library.encoderStats.invokeExact(device, a, b, c);
        GpuReading sessions = reading(statsRc, a);
        GpuReading fps = reading(statsRc, b);
        GpuReading latency = reading(statsRc, c);

        GpuReading capacity = reading(
                (int) library.encoderCapacity.invokeExact(device, NVML_ENCODER_QUERY_H264, a), a);
        return new LocalGpu(index, name, uuid, temperature, utilisation, sessions, fps, latency, capacity);
    }

    /** Reads an {@code unsigned int} out-parameter, or maps the return code. */
    private GpuReading reading(int rc, MemorySegment out) {
        if (rc == NvmlReturn.SUCCESS) {
            return GpuReading.of(Integer.toUnsignedLong(out.get(JAVA_INT, 0)));
        }
        if (rc == NvmlReturn.ERROR_NOT_SUPPORTED) {
            return GpuReading.notSupported();
        }
        return GpuReading.failed(library.explain(rc));
    }

    private String systemString(MethodHandle call, Arena arena) throws Throwable {
        // One spare zero byte after the length NVML is told about: the string is terminated whatever it writes.
        MemorySegment buffer = arena.allocate(VERSION_BUFFER + 1);
        int rc = (int) call.invokeExact(buffer, VERSION_BUFFER);
        return rc == NvmlReturn.SUCCESS ? buffer.getString(0) : "unknown (" + NvmlReturn.name(rc) + ")";
    }

    private String deviceString(MethodHandle call, MemorySegment device, int size, Arena arena) throws Throwable {
        MemorySegment buffer = arena.allocate(size + 1);
        int rc = (int) call.invokeExact(device, buffer, size);
        return rc == NvmlReturn.SUCCESS ? buffer.getString(0) : "unknown (" + NvmlReturn.name(rc) + ")";
    }

    private void shutdownQuietly() throws Throwable {
        if (initialised) {
            initialised = false;
            int ignored = (int) library.shutdown.invokeExact();
        }
    }

    /** Shuts NVML down (balancing the probe's init) and unmaps the library. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (library != null) {
            try {
                shutdownQuietly();
            } catch (Throwable t) {
                throw new IllegalStateException("nvmlShutdown failed", t);
            } finally {
                library.close();
                library = null;
            }
        }
    }
}
