package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.PodInfo;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Retained heap of a pod cache: full Pod objects (the informer's default store), the reduced store the
 * gateway uses, and the PodInfo records the console's store keeps. Pods are parsed from JSON, as from a
 * watch, so their strings are not shared literals. Run: {@code java -cp ... PodCacheFootprint 55000}.
 */
public final class PodCacheFootprint {
    public record Result(int pods, long fullBytes, long reducedBytes, long podInfoBytes) {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 55_000;
        Result r = measure(n);
        System.out.printf("pods=%d full Pod store=%.1f MB reduced store=%.1f MB PodInfo map=%.1f MB%n",
                r.pods(), mb(r.fullBytes()), mb(r.reducedBytes()), mb(r.podInfoBytes()));
    }

    public static Result measure(int n) {
        KubernetesSerialization json = new KubernetesSerialization();
        PodMapper mapper = new PodMapper(AcceleratorPatterns.defaults());

        long base = usedAfterGc();
        Map<String, Pod> full = new ConcurrentHashMap<>();
        for (int i = 0; i < n; i++) {
            Pod p = parsed(json, i);
            full.put(p.getMetadata().getNamespace() + "/" + p.getMetadata().getName(), p);
        }
        long fullBytes = usedAfterGc() - base;
        full.clear();
        full = null;

        base = usedAfterGc();
        SkeletonItemStore<Pod> reduced = new SkeletonItemStore<>(Pod::new);
        for (int i = 0; i < n; i++) {
            Pod p = parsed(json, i);
            reduced.put(reduced.getKey(p), p);
        }
        long reducedBytes = usedAfterGc() - base;
        if (reduced.size() != n) {
            throw new IllegalStateException("store lost pods");
        }
        reduced = null;

        base = usedAfterGc();
        Map<String, PodInfo> infos = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PodInfo info = mapper.toPodInfo(parsed(json, i));
            infos.put(info.uid(), info);
        }
        long podInfoBytes = usedAfterGc() - base;
        if (infos.size() != n) {
            throw new IllegalStateException("lost pod infos");
        }
        return new Result(n, fullBytes, reducedBytes, podInfoBytes);
    }

    private static Pod parsed(KubernetesSerialization json, int i) {
        return json.unmarshal(json.asJson(Fixtures.realisticPod(i)), Pod.class);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
