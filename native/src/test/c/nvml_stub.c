/*
 * TEST FIXTURE - NOT A DRIVER. A fake libnvidia-ml.so.1 implementing only the NVML calls that
 * io.fleetdeck.nvml.NvmlGpuProbe binds, with NVML's real C signatures and return codes (from NVIDIA's public
 * nvml.h), so the Java FFM binding can be tested on machines without an NVIDIA GPU. The Maven build compiles it
 * to target/stub/libnvidia-ml.so.1 and points the tests at it; nothing ships it.
 *
 * Which fake machine it plays is chosen at nvmlInit_v2 (so one test JVM can switch between probes):
 *   1. the first line of the file named by $FLEETDECK_NVML_STUB_SCENARIO_FILE, if that file exists, else
 *   2. $FLEETDECK_NVML_STUB_SCENARIO, else
 *   3. "t4x2".
 * Scenarios:
 *   t4x2              two Tesla T4, one encoding (3 sessions), one idle
 *   no-nvenc          one H100-like GPU whose encoder queries answer NVML_ERROR_NOT_SUPPORTED
 *   h100-580          one H100 answering exactly what a real H100 80GB HBM3 with driver 580.159.04 answered
 *                     (encoder queries succeed with 0 % / 0 sessions / capacity 100; AV1 capacity NOT_SUPPORTED)
 *   t4-no-permission  one T4 whose temperature query answers NVML_ERROR_NO_PERMISSION
 *   driver-not-loaded nvmlInit_v2 answers NVML_ERROR_DRIVER_NOT_LOADED
 *   no-gpus           the driver answers, with zero devices
 * Like the real library it checks its callers: calls before nvmlInit_v2 answer UNINITIALIZED, short buffers
 * INSUFFICIENT_SIZE, NULL out-pointers and unknown handles INVALID_ARGUMENT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
    NVML_SUCCESS = 0, NVML_ERROR_UNINITIALIZED = 1, NVML_ERROR_INVALID_ARGUMENT = 2, NVML_ERROR_NOT_SUPPORTED = 3,
    NVML_ERROR_NO_PERMISSION = 4, NVML_ERROR_INSUFFICIENT_SIZE = 7, NVML_ERROR_DRIVER_NOT_LOADED = 9,
    NVML_ERROR_UNKNOWN = 999
} nvmlReturn_t;

typedef struct stub_gpu {
    const char *name, *uuid;
    nvmlReturn_t temp_rc; unsigned temp;
    nvmlReturn_t util_rc; unsigned util, sampling_us;
    nvmlReturn_t stats_rc; unsigned sessions, fps, latency_us;
    nvmlReturn_t cap_rc[3]; unsigned cap[3];     /* by nvmlEncoderType_t: 0 H264, 1 HEVC, 2 AV1 */
} stub_gpu;
typedef stub_gpu *nvmlDevice_t;

static stub_gpu T4_BUSY = {"Tesla T4", "GPU-5ab3c0de-0000-4000-8000-00000000t401", 0, 61, 0, 37, 1000000, 0, 3, 30, 2100,
                           {0, 0, NVML_ERROR_NOT_SUPPORTED}, {63, 55, 0}};
static stub_gpu T4_IDLE = {"Tesla T4", "GPU-5ab3c0de-0000-4000-8000-00000000t402", 0, 38, 0, 0, 1000000, 0, 0, 0, 0,
                           {0, 0, NVML_ERROR_NOT_SUPPORTED}, {100, 100, 0}};
static stub_gpu H100_NOT_SUPPORTED = {"NVIDIA H100 PCIe", "GPU-5ab3c0de-0000-4000-8000-000000h100ns", 0, 41,
                                      NVML_ERROR_NOT_SUPPORTED, 0, 0, NVML_ERROR_NOT_SUPPORTED, 0, 0, 0,
                                      {NVML_ERROR_NOT_SUPPORTED, NVML_ERROR_NOT_SUPPORTED, NVML_ERROR_NOT_SUPPORTED},
                                      {0, 0, 0}};
static stub_gpu H100_580 = {"NVIDIA H100 80GB HBM3", "GPU-5ab3c0de-0000-4000-8000-000000h10058", 0, 36, 0, 0, 100000,
                            0, 0, 0, 0, {0, 0, NVML_ERROR_NOT_SUPPORTED}, {100, 100, 0}};
static stub_gpu T4_NO_PERMISSION = {"Tesla T4", "GPU-5ab3c0de-0000-4000-8000-00000000t4np", NVML_ERROR_NO_PERMISSION, 0,
                                    0, 5, 1000000, 0, 1, 25, 900, {0, 0, NVML_ERROR_NOT_SUPPORTED}, {90, 88, 0}};

static struct { const char *name; nvmlReturn_t init_rc; unsigned count; stub_gpu *gpus[2]; } SCENARIOS[] = {
    {"t4x2", NVML_SUCCESS, 2, {&T4_BUSY, &T4_IDLE}},
    {"no-nvenc", NVML_SUCCESS, 1, {&H100_NOT_SUPPORTED}},
    {"h100-580", NVML_SUCCESS, 1, {&H100_580}},
    {"t4-no-permission", NVML_SUCCESS, 1, {&T4_NO_PERMISSION}},
    {"driver-not-loaded", NVML_ERROR_DRIVER_NOT_LOADED, 0, {0}},
    {"no-gpus", NVML_SUCCESS, 0, {0}},
};
#define SCENARIO_COUNT (sizeof SCENARIOS / sizeof SCENARIOS[0])

static int current = -1;     /* index into SCENARIOS while initialised */
static int init_depth = 0;   /* NVML reference-counts nvmlInit/nvmlShutdown; so does the stub */
static long calls = 0;

/* Test-only exports (not NVML): let the Java tests check that every init was matched by a shutdown. */
int fleetdeckStubInitDepth(void) { return init_depth; }
long fleetdeckStubCalls(void) { return calls; }

static void chosen_name(char *out, size_t size) {
    const char *file = getenv("FLEETDECK_NVML_STUB_SCENARIO_FILE");
    const char *env = getenv("FLEETDECK_NVML_STUB_SCENARIO");
    snprintf(out, size, "%s", env && *env ? env : "t4x2");
    FILE *f = file ? fopen(file, "r") : NULL;
    if (f) {
        if (fgets(out, (int) size, f) == NULL) snprintf(out, size, "t4x2");
        out[strcspn(out, "\r\n \t")] = 0;
        fclose(f);
    }
}

nvmlReturn_t nvmlInit_v2(void) {
    calls++;
    if (init_depth == 0) {
        char name[64];
        chosen_name(name, sizeof name);
        current = -1;
        for (unsigned i = 0; i < SCENARIO_COUNT; i++) if (strcmp(SCENARIOS[i].name, name) == 0) current = (int) i;
        if (current < 0) { fprintf(stderr, "nvml_stub: unknown scenario '%s'\n", name); return NVML_ERROR_UNKNOWN; }
        if (SCENARIOS[current].init_rc != NVML_SUCCESS) {
            nvmlReturn_t rc = SCENARIOS[current].init_rc;
            current = -1;
            return rc;
        }
    }
    init_depth++;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlShutdown(void) {
    calls++;
    if (init_depth == 0) return NVML_ERROR_UNINITIALIZED;
    if (--init_depth == 0) current = -1;
    return NVML_SUCCESS;
}

const char *nvmlErrorString(nvmlReturn_t result) {
    switch (result) {
        case NVML_SUCCESS: return "Success";
        case NVML_ERROR_UNINITIALIZED: return "Uninitialized";
        case NVML_ERROR_INVALID_ARGUMENT: return "Invalid Argument";
        case NVML_ERROR_NOT_SUPPORTED: return "Not Supported";
        case NVML_ERROR_NO_PERMISSION: return "Insufficient Permissions";
        case NVML_ERROR_INSUFFICIENT_SIZE: return "Insufficient Size";
        case NVML_ERROR_DRIVER_NOT_LOADED: return "Driver Not Loaded";
        default: return "Unknown Error";
    }
}

static nvmlReturn_t copy_string(const char *value, char *out, unsigned length) {
    if (current < 0) return NVML_ERROR_UNINITIALIZED;
    if (out == NULL) return NVML_ERROR_INVALID_ARGUMENT;
    if (strlen(value) + 1 > length) return NVML_ERROR_INSUFFICIENT_SIZE;
    memcpy(out, value, strlen(value) + 1);
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
    calls++;
    return copy_string("535.183.01-stub", version, length);
}

nvmlReturn_t nvmlSystemGetNVMLVersion(char *version, unsigned int length) {
    calls++;
    return copy_string("12.535.183.01-stub", version, length);
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *deviceCount) {
    calls++;
    if (current < 0) return NVML_ERROR_UNINITIALIZED;
    if (deviceCount == NULL) return NVML_ERROR_INVALID_ARGUMENT;
    *deviceCount = SCENARIOS[current].count;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    calls++;
    if (current < 0) return NVML_ERROR_UNINITIALIZED;
    if (device == NULL || index >= SCENARIOS[current].count) return NVML_ERROR_INVALID_ARGUMENT;
    *device = SCENARIOS[current].gpus[index];
    return NVML_SUCCESS;
}

/* Rejects handles this stub did not hand out in the current scenario, as NVML rejects stale ones. */
static nvmlReturn_t check(nvmlDevice_t device) {
    if (current < 0) return NVML_ERROR_UNINITIALIZED;
    for (unsigned i = 0; i < SCENARIOS[current].count; i++) if (SCENARIOS[current].gpus[i] == device) return NVML_SUCCESS;
    return NVML_ERROR_INVALID_ARGUMENT;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
    calls++;
    nvmlReturn_t rc = check(device);
    return rc != NVML_SUCCESS ? rc : copy_string(device->name, name, length);
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
    calls++;
    nvmlReturn_t rc = check(device);
    return rc != NVML_SUCCESS ? rc : copy_string(device->uuid, uuid, length);
}

nvmlReturn_t nvmlDeviceGetTemperature(nvmlDevice_t device, int sensorType, unsigned int *temp) {
    calls++;
    nvmlReturn_t rc = check(device);
    if (rc != NVML_SUCCESS) return rc;
    if (temp == NULL || sensorType != 0) return NVML_ERROR_INVALID_ARGUMENT;   /* only NVML_TEMPERATURE_GPU */
    if (device->temp_rc != NVML_SUCCESS) return device->temp_rc;
    *temp = device->temp;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEncoderUtilization(nvmlDevice_t device, unsigned int *utilization,
                                             unsigned int *samplingPeriodUs) {
    calls++;
    nvmlReturn_t rc = check(device);
    if (rc != NVML_SUCCESS) return rc;
    if (utilization == NULL || samplingPeriodUs == NULL) return NVML_ERROR_INVALID_ARGUMENT;
    if (device->util_rc != NVML_SUCCESS) return device->util_rc;
    *utilization = device->util;
    *samplingPeriodUs = device->sampling_us;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEncoderStats(nvmlDevice_t device, unsigned int *sessionCount, unsigned int *averageFps,
                                       unsigned int *averageLatency) {
    calls++;
    nvmlReturn_t rc = check(device);
    if (rc != NVML_SUCCESS) return rc;
    if (sessionCount == NULL || averageFps == NULL || averageLatency == NULL) return NVML_ERROR_INVALID_ARGUMENT;
    if (device->stats_rc != NVML_SUCCESS) return device->stats_rc;
    *sessionCount = device->sessions;
    *averageFps = device->fps;
    *averageLatency = device->latency_us;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEncoderCapacity(nvmlDevice_t device, int encoderQueryType, unsigned int *encoderCapacity) {
    calls++;
    nvmlReturn_t rc = check(device);
    if (rc != NVML_SUCCESS) return rc;
    if (encoderCapacity == NULL || encoderQueryType < 0 || encoderQueryType > 2) return NVML_ERROR_INVALID_ARGUMENT;
    if (device->cap_rc[encoderQueryType] != NVML_SUCCESS) return device->cap_rc[encoderQueryType];
    *encoderCapacity = device->cap[encoderQueryType];
    return NVML_SUCCESS;
}
