package io.fleetdeck.media.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * A Prometheus scrape endpoint ({@code /metrics}, plus {@code /-/healthy}) for collectors of this process. Binds
 * the loopback interface unless told otherwise: a workstation should not publish its metrics to the office network
 * without the operator asking for it.
 */
public final class MetricsEndpoint implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";
    /** The port offered when the operator names none (OpenTelemetry's Prometheus exporter uses it too). */
    public static final int DEFAULT_PORT = 9464;

    private final HTTPServer server;
    private final String host;

    private MetricsEndpoint(HTTPServer server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Starts serving {@code collectors} on {@code host:port} ({@code port} 0 = any free port).
     *
     * @throws IllegalArgumentException with an operator-readable reason when the address cannot be used
     */
    public static MetricsEndpoint start(String host, int port, MultiCollector... collectors) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("metrics port " + port + " is not between 0 and 65535");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("metrics address '" + host + "' is not a known host or IP address");
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        for (MultiCollector c : collectors) {
            registry.register(c);
        }
        try {
            HTTPServer server = HTTPServer.builder().inetAddress(address).port(port).registry(registry)
                    .registerHealthHandler(true).buildAndStart();
            return new MetricsEndpoint(server, address.getHostAddress());
        } catch (BindException e) {
            throw new IllegalArgumentException("cannot serve metrics on " + host + ":" + port
                    + ": the port is in use or the address is not on this machine (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    public int port() {
        return server.getPort();
    }

    /** The scrape URL, for the operator to paste into a Prometheus job. */
    public URI url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port() + "/metrics");
    }

    @Override
    public void close() {
        server.close();
    }
}
