package io.fleetdeck.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fleetdeck.core.cluster.ClusterException;
import io.fleetdeck.core.cluster.ClusterException.Kind;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Translates fabric8 failures into {@link ClusterException}s whose messages say what to do. */
final class ApiErrors {
    private final String server;
    private final String user;
    private final String context;

    ApiErrors(String server, String user, String context) {
        this.server = server;
        this.user = user;
        this.context = context;
    }

    /** A network-level cause (refused, DNS, TLS, timeout) as UNREACHABLE, or null if the server answered. */
    ClusterException unreachable(Throwable e) {
        String why = null;
        // Innermost wins: the JDK client wraps an unresolved host or a TLS failure in a ConnectException.
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String here = switch (t) {
                case UnknownHostException u -> "unknown host " + host();
                case UnresolvedAddressException u -> "unknown host " + host();
                case SSLException s -> "TLS handshake failed (" + s.getMessage() + ")";
                case HttpTimeoutException h -> "timed out";
                case TimeoutException x -> "timed out";
                case InterruptedIOException x -> "timed out";
                case NoRouteToHostException n -> "no route to host";
                case ConnectException c -> "connection refused";
                default -> null;
            };
            if (here != null) {
                why = here;
            }
        }
        return why == null ? null
                : new ClusterException(Kind.UNREACHABLE, "Cannot reach the API server " + server + ": " + why, e);
    }

    private String host() {
        try {
            return java.net.URI.create(server).getHost();
        } catch (IllegalArgumentException e) {
            return server;
        }
    }

    /**
     * Maps a failed request. {@code verb} completes "User X may not ..." (e.g. "list nodes");
     * {@code notFound} is the message for a 404, or null to treat 404 like any other failure.
     */
    ClusterException translate(Throwable e, String verb, String notFound) {
        ClusterException network = unreachable(e);
        int code = e instanceof KubernetesClientException k ? k.getCode() : 0;
        if (network != null && code == 0) {
            return network;
        }
        String serverMessage = serverMessage(e);
        return switch (code) {
            case 401 -> new ClusterException(Kind.UNAUTHORIZED, "The API server rejected the credentials of user "
                    + user + " in context " + context + " (401)", e);
            case 403 -> new ClusterException(Kind.FORBIDDEN, "User " + user + " may not " + verb + " (403): "
                    + serverMessage, e);
            case 404 -> new ClusterException(Kind.NOT_FOUND, notFound != null ? notFound
                    : "Not found while trying to " + verb + " (404): " + serverMessage, e);
            case 409 -> new ClusterException(Kind.CONFLICT, "Conflict while trying to " + verb
                    + " (409), someone changed it meanwhile: " + serverMessage, e);
            case 429 -> new ClusterException(Kind.TOO_MANY_REQUESTS, "The API server asked to retry later ("
                    + "429) while trying to " + verb + ": " + serverMessage, e);
            case 408, 504 -> new ClusterException(Kind.TIMEOUT, "Timed out trying to " + verb + " (" + code + ")", e);
            default -> network != null ? network : new ClusterException(Kind.OTHER, "Could not " + verb
                    + (code > 0 ? " (" + code + ")" : "") + ": " + serverMessage, e);
        };
    }

    private static String serverMessage(Throwable e) {
        if (e instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
            return k.getStatus().getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
