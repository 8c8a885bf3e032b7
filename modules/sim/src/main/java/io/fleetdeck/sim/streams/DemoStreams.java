package io.fleetdeck.sim.streams;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fleetdeck.core.media.EncodeEngine;
import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.OutputTarget;

import java.io.IOException;
import java.net.DatagramSocket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Real streams for the demo fleet's previews: a few small, paced encodes from the local engine to UDP on
 * loopback, their URLs written into session pods' {@code fleetdeck.io/preview-url} annotations. Now and then
 * the first one freezes its picture and the second drops out for a while, so the wall shows real alarms
 * (frozen picture, stream lost) and real recoveries.
 */
public final class DemoStreams implements AutoCloseable {
        static final String PREVIEW_URL = "fleetdeck.io/preview-url";
        static final String STREAM = "fleetdeck.io/stream";
        /** Small and slow on purpose: a demo must leave the operator's CPU alone. */
        static final EncodeProfile PROFILE = new EncodeProfile("demo-180p25", 320, 180, 25, 250_000, 25, true);
        private static final long OUTAGE_EVERY_S = 45;
        private static final long OUTAGE_FOR_S = 8;

        private final EncodeEngine engine;
        private final List<Stream> streams = new ArrayList<>();
        private final ScheduledExecutorService outages = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "demo-stream-outages");
                t.setDaemon(true);
                return t;
        });

        private record Stream(String name, EncodeRequest request, EncodeSession[] session) {
        }

        private DemoStreams(EncodeEngine engine) {
                this.engine = engine;
        }

        /** Starts up to {@code count} streams on running session pods; returns what runs. */
        public static DemoStreams start(EncodeEngine engine, KubernetesClient client, int count) throws EncodeException {
                DemoStreams demo = new DemoStreams(engine);
                List<Pod> sessions = client.pods().inNamespace("streaming").list().getItems().stream()
                        .filter(p -> p.getSpec().getNodeName() != null && "Running".equals(p.getStatus().getPhase()))
                        .filter(p -> p.getMetadata().getAnnotations() != null
                                && p.getMetadata().getAnnotations().containsKey(STREAM))
                                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                                .limit(count)
                                .toList();
                try {
                        for (Pod pod : sessions) {
                                String name = pod.getMetadata().getAnnotations().get(STREAM);
                                String url = "udp://127.0.0.1:" + freeUdpPort();
                                EncodeRequest request = new EncodeRequest(name, PROFILE, OutputTarget.parse(url + "?pkt_size=1316"),
                                        EncodeRequest.AUTO, true, null, false);
                                EncodeSession session = engine.start(request);
                                demo.streams.add(new Stream(name, request, new EncodeSession[] {session}));
                                client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                                        .edit(p -> {
                                                        p.getMetadata().getAnnotations().putAll(Map.of(PREVIEW_URL, url));
                                                        return p;
                                                });
                        }
                } catch (EncodeException | RuntimeException e) {
                        demo.close();
                        throw e;
                }
                if (!demo.streams.isEmpty()) {
                        demo.outages.scheduleWithFixedDelay(demo::outage, OUTAGE_EVERY_S, OUTAGE_EVERY_S, TimeUnit.SECONDS);
                }
                return demo;
        }

        public int count() {
                return streams.size();
        }

        /** The first stream's picture freezes for a while; the second stops sending, then comes back. */
        private void outage() {
                Stream still = streams.getFirst();
                synchronized (still) {
                        still.session()[0].freezePicture(true);
                }
                if (streams.size() < 2) {
                        sleepThenThaw(still);
                        return;
                }
                Stream s = streams.get(1);
                synchronized (s) {
                        s.session()[0].stop();
                }
                try {
                        Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_FOR_S));
                        synchronized (s) {
                                s.session()[0] = engine.start(s.request());
                        }
                } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                } catch (EncodeException e) {
                        // The engine could not restart it: the tile keeps showing the stream as lost, which is the truth.
                } finally {
                        synchronized (still) {
                                still.session()[0].freezePicture(false);
                        }
                }
        }

        private void sleepThenThaw(Stream still) {
                try {
                        Thread.sleep(TimeUnit.SECONDS.toMillis(OUTAGE_FOR_S));
                } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                } finally {
                        synchronized (still) {
                                still.session()[0].freezePicture(false);
                        }
                }
        }

        private static int freeUdpPort() {
                try (DatagramSocket s = new DatagramSocket(0)) {
                        return s.getLocalPort();
                } catch (IOException e) {
                        throw new IllegalStateException("no free UDP port on loopback", e);
                }
        }

        @Override
        public void close() {
                outages.shutdownNow();
                for (Stream s : streams) {
                        synchronized (s) {
                                if (s.session()[0].isRunning()) {
                                        s.session()[0].stop();
                                }
                        }
                }
        }
}
