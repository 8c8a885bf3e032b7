package io.fleetdeck.sim.api;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.ResourceType;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo API server's router, plugged into the fabric8 mock server in place of its CRUD dispatcher:
 * discovery, then resource paths ({@code /api/v1/...}, {@code /apis/<group>/<version>/...}) to handlers.
 */
public final class ApiDispatcher extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final ResourceCatalog catalog;
    private final ResourceHandler resources;
    private final WatchHandler watches;
    private final EvictionHandler evictions;
    private final PodLogs logs;
    private final SubresourceHandler subresources;
    private volatile Discovery discovery;

    public ApiDispatcher(ResourceCatalog catalog, ObjectStore store) {
        this.catalog = catalog;
        this.resources = new ResourceHandler(store);
        this.watches = new WatchHandler(store);
        this.evictions = new EvictionHandler(store);
        this.logs = new PodLogs(store);
        this.subresources = new SubresourceHandler(store);
        this.discovery = new Discovery(catalog, "127.0.0.1:443");
    }

    /** The address discovery advertises, known once the server has its port. */
    public void serverAddress(String hostPort) {
        this.discovery = new Discovery(catalog, hostPort);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String full = request.getPath();
        int q = full.indexOf('?');
        String path = q < 0 ? full : full.substring(0, q);
        String query = q < 0 ? "" : full.substring(q + 1);
        ApiRequest parsed = null;
        try {
            Optional<MockResponse> discovered = discovery(request.getMethod(), stripSlash(path));
            if (discovered.isPresent()) {
                return discovered.get();
            }
            parsed = parse(request, stripSlash(path), query);
            return route(parsed);
        } catch (ApiException e) {
            return Responses.failure(e, parsed == null ? null : parsed.type(), parsed == null ? null : parsed.name());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", request.getMethod(), full, e);
            return Responses.failure(new ApiException(500, "InternalError", String.valueOf(e.getMessage())), null, null);
        }
    }

    private Optional<MockResponse> discovery(String method, String path) {
        if (!method.equals("GET")) {
            return Optional.empty();
        }
        Discovery d = discovery;
        return switch (path) {
            case "/version" -> Optional.of(Responses.json(200, d.version()));
            case "/api" -> Optional.of(Responses.json(200, d.coreVersions()));
            case "/apis" -> Optional.of(Responses.json(200, d.groups()));
            case "/healthz", "/livez", "/readyz" -> Optional.of(Responses.text("ok"));
            default -> {
                String[] s = path.split("/");
                if (path.equals("/api/v1")) {
                    yield d.resources("v1").map(r -> Responses.json(200, r));
                }
                if (s.length == 4 && s[1].equals("apis")) {
                    yield Optional.of(d.resources(s[2] + "/" + s[3]).map(r -> Responses.json(200, r))
                            .orElseThrow(() -> new ApiException(404, "NotFound", "the server could not find the requested resource")));
                }
                if (s.length == 3 && s[1].equals("apis")) {
                    yield Optional.ofNullable(d.group(s[2])).map(g -> Responses.json(200, g));
                }
                yield Optional.empty();
            }
        };
    }

    private ApiRequest parse(RecordedRequest request, String path, String query) {
        String[] s = path.split("/");
        String groupVersion;
        String[] rest;
        if (s.length >= 4 && s[1].equals("api") && s[2].equals("v1")) {
            groupVersion = "v1";
            rest = Arrays.copyOfRange(s, 3, s.length);
        } else if (s.length >= 5 && s[1].equals("apis")) {
            groupVersion = s[2] + "/" + s[3];
            rest = Arrays.copyOfRange(s, 4, s.length);
        } else {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        String namespace = null;
        if (rest.length >= 3 && rest[0].equals("namespaces") && catalog.find(groupVersion, rest[2]).isPresent()) {
            namespace = rest[1];
            rest = Arrays.copyOfRange(rest, 2, rest.length);
        }
        String plural = rest[0];
        ResourceType type = catalog.find(groupVersion, plural)
                .orElseThrow(() -> new ApiException(404, "NotFound", "the server could not find the requested resource"));
        if (type.namespaced() && namespace == null && rest.length > 1) {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }
        return new ApiRequest(request, request.getMethod(), type, namespace, rest.length > 1 ? rest[1] : null,
                rest.length > 2 ? rest[2] : null, ApiRequest.parseQuery(query));
    }

    private MockResponse route(ApiRequest r) {
        String m = r.method();
        if (r.type() == ResourceCatalog.ACCESS_REVIEWS) {
            return only(m, "POST", r, subresources::accessReview);
        }
        if (r.name() == null) {
            return switch (m) {
                case "GET" -> r.flag("watch") ? watches.watch(r) : resources.list(r);
                case "POST" -> resources.create(r);
                default -> notAllowed(m);
            };
        }
        String sub = r.subresource();
        if (sub == null || sub.equals("status") || sub.equals("finalize")) {
            return switch (m) {
                case "GET" -> resources.get(r);
                case "PUT" -> resources.replace(r);
                case "PATCH" -> resources.patch(r);
                case "DELETE" -> sub == null ? resources.delete(r) : notAllowed(m);
                default -> notAllowed(m);
            };
        }
        if (r.type() == ResourceCatalog.PODS) {
            return switch (sub) {
                case "eviction" -> only(m, "POST", r, evictions::evict);
                case "log" -> only(m, "GET", r, logs::logs);
                case "binding" -> only(m, "POST", r, subresources::bind);
                default -> throw new ApiException(404, "NotFound", "the server could not find the requested resource");
            };
        }
        if (sub.equals("scale") && (r.type() == ResourceCatalog.DEPLOYMENTS || r.type() == ResourceCatalog.REPLICASETS)) {
            return m.equals("GET") ? subresources.getScale(r)
                    : m.equals("PUT") || m.equals("PATCH") ? subresources.updateScale(r) : notAllowed(m);
        }
        throw new ApiException(404, "NotFound", "the server could not find the requested resource");
    }

    private static MockResponse only(String method, String allowed, ApiRequest r, Function<ApiRequest, MockResponse> h) {
        return method.equals(allowed) ? h.apply(r) : notAllowed(method);
    }

    private static MockResponse notAllowed(String method) {
        throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
