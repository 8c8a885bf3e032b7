package io.fleetdeck.sim;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fleetdeck.sim.api.ApiDispatcher;
import io.fleetdeck.sim.control.EventRecorder;
import io.fleetdeck.sim.control.FleetControllers;
import io.fleetdeck.sim.control.NodeFlaps;
import io.fleetdeck.sim.seed.FleetSeeder;
import io.fleetdeck.sim.seed.SeedPlan;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded demo fleet: the fabric8 mock API server (TLS, 127.0.0.1) with FleetDeck's own
 * dispatcher and indexed store, a seeded fleet, the controller stand-ins and a kubeconfig for it.
 */
public final class DemoCluster implements AutoCloseable {
    public static final String CONTEXT = "fleetdeck-demo";
    /** The mock server logs every request and response at INFO through java.util.logging; keep it quiet. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    private final ObjectStore store;
    private final KubernetesMockServer server;
    private final FleetControllers controllers;
    private final Path kubeconfig;
    private final boolean ownsKubeconfig;
    private final String url;
    private final String token;
    private final long seed;
    private volatile KubernetesClient client;
    private volatile io.fleetdeck.sim.streams.DemoStreams streams;
    private volatile NodeFlaps nodeFlaps;

    private DemoCluster(ObjectStore store, KubernetesMockServer server, FleetControllers controllers, Path kubeconfig,
                        boolean ownsKubeconfig, String url, String token, long seed) {
        this.store = store;
        this.server = server;
        this.controllers = controllers;
        this.kubeconfig = kubeconfig;
        this.ownsKubeconfig = ownsKubeconfig;
        this.url = url;
        this.token = token;
        this.seed = seed;
    }

    public static DemoCluster start(DemoOptions o) {
        return start(o, SeedPlan.DEFAULT_FILL);
    }

    /** Like {@link #start(DemoOptions)}, with the share of free slices that carry sessions (0.4 on 5,000 nodes ≈ 50k). */
    public static DemoCluster start(DemoOptions o, double sessionFill) {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        ResourceCatalog catalog = new ResourceCatalog();
        ObjectStore store = new ObjectStore(catalog, 20_000);
        new FleetSeeder(new SeedPlan(o.nodes(), o.seed(), sessionFill)).seed(store);
        ApiDispatcher dispatcher = new ApiDispatcher(catalog, store);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                dispatcher, true);
        FleetControllers controllers = null;
        try {
            server.init(InetAddress.getByName("127.0.0.1"), o.port());
            String hostPort = "127.0.0.1:" + server.getPort();
            dispatcher.serverAddress(hostPort);
            String url = "https://" + hostPort;
            String token = "fleetdeck-demo-" + Long.toHexString(o.seed());
            boolean temp = o.kubeconfig() == null;
            Path file = temp ? Files.createTempFile("fleetdeck-demo-", ".kubeconfig") : o.kubeconfig();
            Kubeconfig.write(file, CONTEXT, url, token);
            if (o.controllers()) {
                controllers = new FleetControllers(store, o.seed()).start();
            }
            return new DemoCluster(store, server, controllers, file, temp, url, token, o.seed());
        } catch (IOException e) {
            server.destroy();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (controllers != null) {
                controllers.close();
            }
            server.destroy();
            throw e;
        }
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public String contextName() {
        return CONTEXT;
    }

    public String apiServerUrl() {
        return url;
    }

    /** A fabric8 client (JDK HTTP client) for this server; created once, closed with the cluster. */
    public KubernetesClient client() {
        KubernetesClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = newClient();
                }
                c = client;
            }
        }
        return c;
    }

    /** A new client the caller owns and closes. */
    public KubernetesClient newClient() {
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(url).withTrustCerts(true)
                .withDisableHostnameVerification(true).withOauthToken(token).withNamespace("streaming")
                .withCurrentContext(null).build();
        return new KubernetesClientBuilder().withConfig(config).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }

    public int nodeCount() {
        return store.count(ResourceCatalog.NODES);
    }

    public int podCount() {
        return store.count(ResourceCatalog.PODS);
    }

    /** The storage behind the API server, for tests and tools that seed or inspect without HTTP. */
    public ObjectStore store() {
        return store;
    }

    public AutoCloseable startPodChurn(int updatesPerSecond) {
        return new PodChurn(client(), store, updatesPerSecond).start();
    }

    /**
     * Starts {@code count} real demo streams with the given engine and puts their URLs on session pods.
     * Not part of {@link #start}: tests and benchmarks run without video.
     */
    public synchronized int startStreams(io.fleetdeck.core.media.EncodeEngine engine, int count)
            throws io.fleetdeck.core.media.EncodeException {
        if (streams == null && count > 0) {
            streams = io.fleetdeck.sim.streams.DemoStreams.start(engine, client(), count);
        }
        return streams == null ? 0 : streams.count();
    }

    /**
     * Every {@code every}, one Ready, schedulable GPU node (picked from the cluster's seed) goes NotReady for
     * {@code outage}, as when its kubelet stops posting status (see {@link NodeFlaps}). Not part of
     * {@link #start}: tests get it only when they ask. Zero or negative {@code every} starts nothing (null);
     * a second call returns the running one. Stopped, with the node that is out brought back, on {@link #close}.
     */
    public synchronized NodeFlaps startNodeFlaps(Duration every, Duration outage) {
        if (nodeFlaps == null && every.isPositive()) {
            EventRecorder events = controllers != null ? controllers.events() : new EventRecorder(store, 2000);
            nodeFlaps = NodeFlaps.start(store, events, seed, every, outage);
        }
        return nodeFlaps;
    }

    @Override
    public void close() {
        if (nodeFlaps != null) {
            nodeFlaps.close();
        }
        if (streams != null) {
            streams.close();
        }
        if (client != null) {
            client.close();
        }
        if (controllers != null) {
            controllers.close();
        }
        server.destroy();
        if (ownsKubeconfig) {
            try {
                Files.deleteIfExists(kubeconfig);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
        }
    }
}
