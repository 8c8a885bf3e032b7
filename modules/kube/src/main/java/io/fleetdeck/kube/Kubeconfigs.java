package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.KubeContext;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads kubeconfig files for the context picker, with errors an operator can fix. */
public final class Kubeconfigs {
    private Kubeconfigs() {
    }

    /** {@code $KUBECONFIG}'s first entry, else {@code ~/.kube/config}, as kubectl does. */
    public static Path defaultPath() {
        return defaultPath(System.getenv("KUBECONFIG"), System.getProperty("user.home"));
    }

    static Path defaultPath(String kubeconfigEnv, String home) {
        if (kubeconfigEnv != null) {
            for (String entry : kubeconfigEnv.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    return Path.of(entry.trim());
                }
            }
        }
        return Path.of(home, ".kube", "config");
    }

    public static List<KubeContext> contexts(Path kubeconfig) throws ClusterException {
        Config config = parse(kubeconfig);
        List<KubeContext> out = new ArrayList<>();
        for (NamedContext named : config.getContexts() == null ? List.<NamedContext>of() : config.getContexts()) {
            Context c = named.getContext() == null ? new Context() : named.getContext();
            out.add(new KubeContext(named.getName(), c.getCluster(), c.getUser(), c.getNamespace(),
                    Objects.equals(named.getName(), config.getCurrentContext())));
        }
        return List.copyOf(out);
    }

    static String read(Path kubeconfig) throws ClusterException {
        try {
            return Files.readString(kubeconfig);
        } catch (NoSuchFileException e) {
            throw new ClusterException(ClusterException.Kind.BAD_CONFIG, "No kubeconfig at " + kubeconfig, e);
        } catch (IOException e) {
            throw new ClusterException(ClusterException.Kind.BAD_CONFIG,
                    "Cannot read kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
        }
    }

    static Config parse(Path kubeconfig) throws ClusterException {
        String text = read(kubeconfig);
        Object parsed;
        try {
            parsed = new KubernetesSerialization().unmarshal(text, Config.class);
        } catch (RuntimeException e) {
            throw new ClusterException(ClusterException.Kind.BAD_CONFIG,
                    "Kubeconfig " + kubeconfig + " is not valid YAML/JSON: " + reason(e), e);
        }
        if (!(parsed instanceof Config config)) {
            throw new ClusterException(ClusterException.Kind.BAD_CONFIG,
                    "Kubeconfig " + kubeconfig + " is not a kubeconfig (kind Config)");
        }
        return config;
    }

    /** The innermost parser message, without the stack of wrappers around it. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf("\n at [Source");
        return (nl > 0 ? m.substring(0, nl) : m).strip();
    }
}
