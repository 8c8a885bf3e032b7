package io.fleetdeck.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ConfigMapData;
import io.fleetdeck.core.cluster.ObjectRef;
import io.fleetdeck.core.cluster.ClusterException.Kind;
import io.fleetdeck.core.cluster.ClusterGateway;
import io.fleetdeck.core.cluster.ClusterTarget;
import io.fleetdeck.core.cluster.ConnectionState;
import io.fleetdeck.core.cluster.ConnectionStatus;
import io.fleetdeck.core.cluster.KubeContext;
import io.fleetdeck.core.model.AcceleratorPatterns;
import io.fleetdeck.core.model.ClusterEvent;
import io.fleetdeck.core.store.FleetSink;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@link ClusterGateway} over fabric8 informers. Nodes are listed and delivered first, then pods; both caches
 * keep only the fields the informer itself needs, because the console maps everything into its own store.
 */
public final class Fabric8ClusterGateway implements ClusterGateway {
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    // Paged initial lists keep a 55,000-pod response from sitting in memory at once.
    private static final long PAGE = 500;
    /** Fewer, larger pages: at 50,000 pods the round trips of 500-pod pages add seconds. */
    private static final long POD_PAGE = 5000;

    private final ClusterTarget target;
    private final KubeContext context;
    private final Config config;
    private final KubernetesClient client;
    private final PodMapper podMapper;
    private final ApiErrors errors;
    private final NodeEvents events;
    private final ConfigMaps configMaps;

    private volatile FleetChangePump pump;
    private volatile SharedIndexInformer<Node> nodeInformer;
    private volatile SharedIndexInformer<Pod> podInformer;
    private volatile String failure;
    private volatile Instant lastFresh;
    private volatile boolean closed;

    private Fabric8ClusterGateway(ClusterTarget target, KubeContext context, Config config, AcceleratorPatterns patterns) {
        this.target = target;
        this.context = context;
        this.config = config;
        this.client = newClient(config);
        this.podMapper = new PodMapper(patterns);
        this.errors = new ApiErrors(serverUrl(), context.user(), context.name());
        this.events = new NodeEvents(client, errors);
        this.configMaps = new ConfigMaps(client, errors);
    }

    /** Reads the kubeconfig and its context; no request is made until {@link #start}. */
    public static Fabric8ClusterGateway open(ClusterTarget target, AcceleratorPatterns patterns) throws ClusterException {
        KubeContext context = resolveContext(target);
        Config config = loadConfig(target, context.name());
        // Bounded retries: an operator's click must fail within seconds, not after ten backoffs.
        config.setRequestRetryBackoffLimit(2);
        return new Fabric8ClusterGateway(target, context, config, patterns);
    }

    private static KubeContext resolveContext(ClusterTarget target) throws ClusterException {
        List<KubeContext> contexts = Kubeconfigs.contexts(target.kubeconfig());
        String wanted = target.context();
        for (KubeContext c : contexts) {
            if (wanted == null ? c.current() : c.name().equals(wanted)) {
                return c;
            }
        }
        String names = contexts.stream().map(KubeContext::name).collect(Collectors.joining(", "));
        String which = wanted == null ? "No current context is set" : "Context " + wanted + " is not";
        throw new ClusterException(Kind.BAD_CONFIG, which + " in " + target.kubeconfig() + " (it has: " + names + ")");
    }

    private static Config loadConfig(ClusterTarget target, String context) throws ClusterException {
        try {
            return Config.fromKubeconfig(context, target.kubeconfig().toFile());
        } catch (RuntimeException e) {
            throw new ClusterException(Kind.BAD_CONFIG, "Context " + context + " in " + target.kubeconfig()
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static KubernetesClient newClient(Config config) {
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }

    @Override
    public ClusterTarget target() {
        return target;
    }

    @Override
    public String serverUrl() {
        String url = config.getMasterUrl();
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void start(FleetSink sink) throws ClusterException {
        synchronized (this) {
            if (pump != null || closed) {
                throw new IllegalStateException(closed ? "Gateway is closed" : "Gateway already started");
            }
            pump = new FleetChangePump(sink, podMapper, this::health,
                    Duration.ofMillis(50), Duration.ofSeconds(1));
        }
        try {
            probe();
        } catch (ClusterException | RuntimeException e) {
            pump = null;
            throw e;
        }
        SharedIndexInformer<Node> nodes = client.nodes().withLimit(PAGE).runnableInformer(0);
        nodes.itemStore(new SkeletonItemStore<>(Node::new));
        nodes.addEventHandler(pump.nodeHandler());
        nodeInformer = nodes;
        startWatching(nodes, "nodes");
        startPods();
        pump.start();
    }

    /**
     * Pods are listed alongside the nodes: the node list is short and is delivered (and marked synced) as soon
     * as it is in, long before the pod list of a large fleet, so nodes never wait for pods.
     */
    private void startPods() {
        SharedIndexInformer<Pod> pods = client.pods().inAnyNamespace().withLimit(POD_PAGE).runnableInformer(0);
        pods.removeNamespaceIndex();
        pods.itemStore(new SkeletonItemStore<>(Pod::new));
        pods.addEventHandler(pump.podHandler());
        podInformer = pods;
        startWatching(pods, "pods");
    }

    /**
     * The informer needs only key, uid and resourceVersion to diff relists and report deletes; full objects
     * are mapped by the pump and dropped. Measured in PodCacheFootprint.
     */
    private void startWatching(SharedIndexInformer<?> informer, String what) {
        informer.start().whenComplete((ok, error) -> {
            if (error != null && !closed) {
                failure = errors.translate(unwrap(error), "list " + what, null).getMessage();
            }
        });
        informer.stopped().whenComplete((ok, error) -> {
            if (!closed && failure == null) {
                failure = "Stopped watching " + what + (error == null ? "" : ": " + unwrap(error).getMessage());
            }
        });
    }

    /** A quick check, bounded as a whole, so a dead or misconfigured cluster is reported in seconds. */
    private void probe() throws ClusterException {
        Config probeConfig = loadConfig(target, context.name());
        probeConfig.setRequestRetryBackoffLimit(0);
        probeConfig.setConnectionTimeout(5_000);
        probeConfig.setRequestTimeout(8_000);
        KubernetesClient probeClient = newClient(probeConfig);
        CompletableFuture<Void> check = CompletableFuture.runAsync(() -> {
            try {
                probeClient.getKubernetesVersion();
            } catch (KubernetesClientException e) {
                // Any HTTP answer but 401 means the server is there; authorisation is checked next.
                if (e.getCode() == 0 || e.getCode() == 401) {
                    throw e;
                }
            }
            probeClient.nodes().list(new ListOptionsBuilder().withLimit(1L).build());
        }, r -> Thread.ofVirtual().name("fleetdeck-probe").start(r));
        try {
            check.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ClusterException(Kind.UNREACHABLE, "Cannot reach the API server " + serverUrl()
                    + ": timed out after " + PROBE_TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw errors.translate(unwrap(e), "list nodes", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException(Kind.OTHER, "Interrupted while connecting to " + serverUrl(), e);
        } finally {
            check.cancel(true);
            probeClient.close();
        }
    }

    private ConnectionStatus health() {
        Instant now = Instant.now();
        if (closed) {
            return new ConnectionStatus(ConnectionState.CLOSED, "Closed", lastFresh);
        }
        if (failure != null) {
            return ConnectionStatus.failed(failure, lastFresh);
        }
        SharedIndexInformer<Node> nodes = nodeInformer;
        SharedIndexInformer<Pod> pods = podInformer;
        boolean nodesOk = nodes != null && nodes.isWatching();
        boolean podsOk = pods != null && pods.isWatching();
        if (nodesOk && podsOk && pump.podsSynced()) {
            lastFresh = now;
            return ConnectionStatus.live(now);
        }
        if (lastFresh == null || pods == null || !pump.podsSynced()) {
            // Still loading the first time: nothing is stale yet.
            return new ConnectionStatus(ConnectionState.CONNECTING,
                    pods == null ? "Loading nodes…" : "Loading pods…", lastFresh);
        }
        String down = !nodesOk && !podsOk ? "nodes and pods" : !nodesOk ? "nodes" : "pods";
        return new ConnectionStatus(ConnectionState.RECONNECTING,
                "Watch of " + down + " is down; reconnecting to " + serverUrl(), lastFresh);
    }

    @Override
    public void setCordoned(String nodeName, boolean cordoned) throws ClusterException {
        // Like kubectl: a merge patch of spec.unschedulable; null removes the field on uncordon.
        String patch = "{\"spec\":{\"unschedulable\":" + (cordoned ? "true" : "null") + "}}";
        try {
            client.nodes().withName(nodeName).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            throw errors.translate(e, (cordoned ? "cordon" : "uncordon") + " node " + nodeName,
                    "Node " + nodeName + " no longer exists");
        }
    }

    @Override
    public List<ClusterEvent> recentEvents(String nodeName) throws ClusterException {
        return events.recent(nodeName);
    }

    @Override
    public void recordAction(ObjectRef target, String reason, String message) throws ClusterException {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        // Events about cluster-scoped objects (nodes) live in "default", like the kubelet's.
        String namespace = target.namespace() == null ? NodeEvents.NODE_EVENTS_NAMESPACE : target.namespace();
        Event event = new EventBuilder()
                .withNewMetadata().withName(target.name() + "." + suffix).withNamespace(namespace).endMetadata()
                .withNewInvolvedObject().withApiVersion("v1").withKind(target.kind()).withName(target.name())
                .withNamespace(target.namespace())
                .withUid("Node".equals(target.kind()) ? nodeUid(target.name()) : null).endInvolvedObject()
                .withType("Normal").withReason(reason).withMessage(message)
                .withNewSource().withComponent(NodeEvents.COMPONENT).endSource()
                .withReportingComponent(NodeEvents.COMPONENT)
                .withReportingInstance(NodeEvents.COMPONENT)
                .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
                .build();
        try {
            client.v1().events().inNamespace(namespace).resource(event).create();
        } catch (KubernetesClientException e) {
            throw errors.translate(e, "create events in namespace " + namespace, null);
        }
    }

    @Override
    public ConfigMapData readConfigMap(String namespace, String name) throws ClusterException {
        return configMaps.read(namespace, name);
    }

    @Override
    public ConfigMapData replaceConfigMapData(ConfigMapData edited) throws ClusterException {
        return configMaps.replaceData(edited);
    }

    /** From the informer's cache when it has the node; the uid is optional on an Event. */
    private String nodeUid(String nodeName) {
        SharedIndexInformer<Node> nodes = nodeInformer;
        Node cached = nodes == null ? null : nodes.getStore().getByKey(nodeName);
        return cached == null || cached.getMetadata() == null ? null : cached.getMetadata().getUid();
    }

    @Override
    public void close() {
        closed = true;
        FleetChangePump p = pump;
        if (p != null) {
            p.stop();
        }
        SharedIndexInformer<Pod> pods = podInformer;
        if (pods != null) {
            pods.close();
        }
        SharedIndexInformer<Node> nodes = nodeInformer;
        if (nodes != null) {
            nodes.close();
        }
        client.close();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
