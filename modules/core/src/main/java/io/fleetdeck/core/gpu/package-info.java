/**
 * What the workstation's own NVIDIA GPUs report (presence, temperature, NVENC load and capacity), as a port:
 * {@link io.fleetdeck.core.gpu.LocalGpuProbe}. The NVML binding lives in {@code native/}; core only holds the
 * result types and the rules that turn NVML's answers into explanations (e.g. why NVENC is not offered).
 */
package io.fleetdeck.core.gpu;
