/*
 * Diagnostic, not a test fixture: calls the real libnvidia-ml.so.1 with exactly the NVML calls that
 * io.fleetdeck.nvml.NvmlGpuProbe binds, and prints every raw return code. It exists so that the answers
 * of a real driver (e.g. an H100, which has no NVENC) can be compared with what the Java mapping and the
 * test stub (nvml_stub.c) assume, on a machine that has a GPU but no JDK.
 *
 * Build: gcc -o nvml_check nvml_check.c -ldl   (no NVML header needed: dlopen + our own prototypes)
 * Run:   ./nvml_check [path/to/libnvidia-ml.so.1]
 */
#include <dlfcn.h>
#include <stdio.h>

typedef int ret_t;            /* nvmlReturn_t is a C enum: int-sized */
typedef void *dev_t_;         /* nvmlDevice_t is an opaque pointer */

#define SYM(ret, name, args) ret (*name) args; *(void **) (&name) = dlsym(lib, #name); \
    if (!name) { printf("symbol %s missing: %s\n", #name, dlerror()); return 2; }

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "libnvidia-ml.so.1";
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib) { printf("dlopen(%s) failed: %s\n", path, dlerror()); return 1; }
    SYM(ret_t, nvmlInit_v2, (void))
    SYM(ret_t, nvmlShutdown, (void))
    SYM(const char *, nvmlErrorString, (ret_t))
    SYM(ret_t, nvmlSystemGetDriverVersion, (char *, unsigned))
    SYM(ret_t, nvmlSystemGetNVMLVersion, (char *, unsigned))
    SYM(ret_t, nvmlDeviceGetCount_v2, (unsigned *))
    SYM(ret_t, nvmlDeviceGetHandleByIndex_v2, (unsigned, dev_t_ *))
    SYM(ret_t, nvmlDeviceGetName, (dev_t_, char *, unsigned))
    SYM(ret_t, nvmlDeviceGetUUID, (dev_t_, char *, unsigned))
    SYM(ret_t, nvmlDeviceGetTemperature, (dev_t_, int, unsigned *))
    SYM(ret_t, nvmlDeviceGetEncoderUtilization, (dev_t_, unsigned *, unsigned *))
    SYM(ret_t, nvmlDeviceGetEncoderStats, (dev_t_, unsigned *, unsigned *, unsigned *))
    SYM(ret_t, nvmlDeviceGetEncoderCapacity, (dev_t_, int, unsigned *))

    ret_t r = nvmlInit_v2();
    printf("nvmlInit_v2 -> %d (%s)\n", r, nvmlErrorString(r));
    if (r != 0) return 3;
    char buf[96];
    r = nvmlSystemGetDriverVersion(buf, 80);
    printf("nvmlSystemGetDriverVersion -> %d '%s'\n", r, r == 0 ? buf : "");
    r = nvmlSystemGetNVMLVersion(buf, 80);
    printf("nvmlSystemGetNVMLVersion -> %d '%s'\n", r, r == 0 ? buf : "");
    unsigned count = 0;
    r = nvmlDeviceGetCount_v2(&count);
    printf("nvmlDeviceGetCount_v2 -> %d count=%u\n", r, count);
    for (unsigned i = 0; r == 0 && i < count; i++) {
        dev_t_ d = 0;
        ret_t h = nvmlDeviceGetHandleByIndex_v2(i, &d);
        printf("[%u] nvmlDeviceGetHandleByIndex_v2 -> %d\n", i, h);
        if (h != 0) continue;
        ret_t x = nvmlDeviceGetName(d, buf, 96);
        printf("[%u] nvmlDeviceGetName -> %d '%s'\n", i, x, x == 0 ? buf : "");
        x = nvmlDeviceGetUUID(d, buf, 96);
        printf("[%u] nvmlDeviceGetUUID -> %d '%s'\n", i, x, x == 0 ? buf : "");
        unsigned a = 12345, b = 12345, c = 12345;
        x = nvmlDeviceGetTemperature(d, 0, &a);
        printf("[%u] nvmlDeviceGetTemperature(GPU) -> %d (%s) temp=%u\n", i, x, nvmlErrorString(x), a);
        a = b = 12345;
        x = nvmlDeviceGetEncoderUtilization(d, &a, &b);
        printf("[%u] nvmlDeviceGetEncoderUtilization -> %d (%s) util=%u samplingUs=%u\n", i, x, nvmlErrorString(x), a, b);
        a = b = c = 12345;
        x = nvmlDeviceGetEncoderStats(d, &a, &b, &c);
        printf("[%u] nvmlDeviceGetEncoderStats -> %d (%s) sessions=%u fps=%u latencyUs=%u\n", i, x, nvmlErrorString(x), a, b, c);
        for (int q = 0; q <= 2; q++) {   /* 0 H264, 1 HEVC, 2 AV1 */
            a = 12345;
            x = nvmlDeviceGetEncoderCapacity(d, q, &a);
            printf("[%u] nvmlDeviceGetEncoderCapacity(type=%d) -> %d (%s) capacity=%u\n", i, q, x, nvmlErrorString(x), a);
        }
    }
    r = nvmlShutdown();
    printf("nvmlShutdown -> %d\n", r);
    return 0;
}
