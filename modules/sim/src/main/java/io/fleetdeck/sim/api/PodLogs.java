package io.fleetdeck.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fleetdeck.sim.store.ApiException;
import io.fleetdeck.sim.store.ObjectStore;
import io.fleetdeck.sim.store.ResourceCatalog;
import io.fleetdeck.sim.store.StoredObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Container logs: encoder-style progress lines derived from the pod (its stream and start time),
 * the same on every call so a tail is stable. {@code follow} is answered with what exists now.
 */
final class PodLogs {
    private static final int DEFAULT_LINES = 60;
    private final ObjectStore store;

    PodLogs(ObjectStore store) {
        this.store = store;
    }

    MockResponse logs(ApiRequest r) {
        StoredObject pod = store.require(ResourceCatalog.PODS, r.namespace(), r.name());
        JsonNode tree = pod.tree();
        JsonNode containers = tree.path("spec").path("containers");
        String container = r.param("container");
        if (container.isEmpty()) {
            if (containers.size() > 1) {
                throw ApiException.badRequest("a container name must be specified for pod " + pod.name());
            }
            container = containers.path(0).path("name").asText();
        } else if (containers.valueStream().noneMatch(c -> c.path("name").asText().equals(r.param("container")))) {
            throw ApiException.badRequest("container " + container + " is not valid for pod " + pod.name());
        }
        if (!pod.phase().equals("Running") && !pod.phase().equals("Succeeded") && !pod.phase().equals("Failed")) {
            throw ApiException.badRequest("container \"" + container + "\" in pod \"" + pod.name()
                    + "\" is waiting to start: ContainerCreating");
        }
        String stream = tree.path("metadata").path("annotations").path("fleetdeck.io/stream").asText("");
        Instant start = parse(tree.path("status").path("startTime").asText(""));
        List<String> lines = lines(pod.name(), container, stream, start, r.flag("timestamps"));
        int tail = r.intParam("tailLines", -1);
        if (tail >= 0 && tail < lines.size()) {
            lines = lines.subList(lines.size() - tail, lines.size());
        }
        return Responses.text(lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    private static List<String> lines(String pod, String container, String stream, Instant start, boolean timestamps) {
        SplittableRandom rnd = new SplittableRandom(pod.hashCode());
        List<String> out = new ArrayList<>();
        long elapsed = Math.max(1, ChronoUnit.SECONDS.between(start, Instant.now()));
        long step = Math.max(1, elapsed / DEFAULT_LINES);
        out.add(prefix(timestamps, start) + container + ": starting"
                + (stream.isEmpty() ? "" : " stream=" + stream) + " pod=" + pod);
        for (long s = step; s <= elapsed && out.size() < DEFAULT_LINES; s += step) {
            String line;
            if (stream.isEmpty()) {
                line = container + ": exported " + (200 + rnd.nextInt(50)) + " series, scrape ok";
            } else {
                double fps = 24.6 + rnd.nextDouble() * 0.5;
                line = String.format("frame=%d fps=%.1f q=23.0 bitrate=%.1fkbits/s drop=%d speed=1.0x stream=%s",
                        s * 25, fps, 4900 + rnd.nextDouble() * 200, rnd.nextInt(100) < 3 ? rnd.nextInt(4) : 0, stream);
            }
            out.add(prefix(timestamps, start.plusSeconds(s)) + line);
        }
        return out;
    }

    private static String prefix(boolean timestamps, Instant t) {
        return timestamps ? t.toString() + " " : "";
    }

    private static Instant parse(String ts) {
        try {
            return Instant.parse(ts);
        } catch (RuntimeException e) {
            return Instant.now().minusSeconds(60);
        }
    }
}
