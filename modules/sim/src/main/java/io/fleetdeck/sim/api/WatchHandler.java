package io.fleetdeck.sim.api;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fleetdeck.sim.api.table.TableFormat;
import io.fleetdeck.sim.api.table.TableWriter;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.Json;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.Selector;
import io.fleetdeck.sim.store.StoredObject;
import io.fleetdeck.sim.store.WatchEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Watches. Over a WebSocket (fabric8) events stream for as long as the socket lives. The mock server
 * cannot stream a plain HTTP body, so an HTTP watch (kubectl, client-go) is answered like a watch
 * whose timeout ends after {@link #HTTP_WATCH_WINDOW}: the events so far, then end of stream; clients
 * re-watch from the last version they saw, and the history makes that lossless. A client that asks for
 * Tables (kubectl get -w) gets each event's object as a one-row Table, column definitions on the first only.
 */
final class WatchHandler {
    static final Duration HTTP_WATCH_WINDOW = Duration.ofSeconds(2);
    private final ObjectStore store;

    WatchHandler(ObjectStore store) {
        this.store = store;
    }

    MockResponse watch(ApiRequest r) {
        Predicate<StoredObject> filter = Selector.of(r.param("labelSelector"), r.param("fieldSelector"));
        Long from = fromVersion(r.param("resourceVersion"));
        Function<StoredObject, byte[]> encoder = encoder(r);
        if (r.isWebSocket()) {
            return new MockResponse().withWebSocketUpgrade(new SocketWatch(r, filter, from, encoder));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            store.watch(r.type(), r.namespace(), filter, from, e -> {
                body.writeBytes(Responses.watchFrame(e.type(), encoder.apply(e.object())));
                body.write('\n');
            }).close();
        } catch (ApiException gone) {
            body.writeBytes(Responses.watchFrame("ERROR", Json.bytes(Responses.statusBody("Failure", 410, "Expired",
                    gone.getMessage()))));
            body.write('\n');
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", Responses.JSON)
                .setBody(body.toByteArray()).setBodyDelay(HTTP_WATCH_WINDOW);
    }

    /** The event object's bytes: the stored JSON, or a one-row Table when the client asked for Tables. */
    private static Function<StoredObject, byte[]> encoder(ApiRequest r) {
        Optional<TableFormat> table = r.table();
        if (table.isEmpty()) {
            return StoredObject::json;
        }
        TableWriter writer = new TableWriter(r.type(), table.get());
        AtomicBoolean first = new AtomicBoolean(true);
        return o -> writer.single(o, Instant.now(), first.getAndSet(false));
    }

    /** "" and "0" both mean: start with the current state. */
    private static Long fromVersion(String rv) {
        if (rv.isEmpty() || rv.equals("0")) {
            return null;
        }
        try {
            return Long.parseLong(rv);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid resourceVersion " + rv);
        }
    }

    /**
     * One WebSocket watch. The mock server's send blocks until the event loop has written the frame,
     * so frames are queued here (the store calls the sink under its write lock) and a virtual thread
     * sends them; a client too far behind is cut off and re-lists, as the real server does.
     */
    private final class SocketWatch extends WebSocketListener {
        private static final int MAX_BACKLOG = 50_000;
        private static final byte[] CLOSE = new byte[0];

        private final ApiRequest request;
        private final Predicate<StoredObject> filter;
        private final Long from;
        private final Function<StoredObject, byte[]> encoder;
        private final LinkedBlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
        private volatile AutoCloseable registration;

        SocketWatch(ApiRequest request, Predicate<StoredObject> filter, Long from, Function<StoredObject, byte[]> encoder) {
            this.request = request;
            this.filter = filter;
            this.from = from;
            this.encoder = encoder;
        }

        @Override
        public void onOpen(WebSocket ws, Response response) {
            Thread.ofVirtual().name("fleetdeck-sim-watch").start(() -> sendLoop(ws));
            Consumer<WatchEvent> sink = e -> {
                if (outbox.size() > MAX_BACKLOG) {
                    outbox.add(CLOSE);
                    throw new IllegalStateException("watcher too slow");
                }
                outbox.add(Responses.watchFrame(e.type(), encoder.apply(e.object())));
            };
            try {
                registration = store.watch(request.type(), request.namespace(), filter, from, sink);
            } catch (ApiException gone) {
                outbox.add(Responses.watchFrame("ERROR", Json.bytes(Responses.statusBody("Failure", gone.code(),
                        gone.reason(), gone.getMessage()))));
                outbox.add(CLOSE);
            }
        }

        private void sendLoop(WebSocket ws) {
            try {
                while (true) {
                    byte[] frame = outbox.take();
                    if (frame == CLOSE) {
                        ws.close(1000, "watch closed");
                        return;
                    }
                    ws.send(new String(frame, StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                stop();
            }
        }

        @Override
        public void onClosing(WebSocket ws, int code, String reason) {
            stop();
        }

        @Override
        public void onClosed(WebSocket ws, int code, String reason) {
            stop();
        }

        @Override
        public void onFailure(WebSocket ws, Throwable t, Response response) {
            stop();
        }

        private void stop() {
            AutoCloseable r = registration;
            registration = null;
            if (r != null) {
                try {
                    r.close();
                } catch (Exception ignored) {
                    // removing a watcher cannot fail
                }
                outbox.add(CLOSE);
            }
        }
    }
}
