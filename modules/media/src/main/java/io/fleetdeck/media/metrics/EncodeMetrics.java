package io.fleetdeck.media.metrics;

import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.StreamStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

/**
 * The statistics of this process's encode sessions in Prometheus form. Nothing is recorded per frame: a scrape
 * reads each attached session's {@link EncodeSession#stats()} (safe from any thread) and turns it into samples.
 *
 * <p>Every sample carries {@code stream} (the name burnt into the picture), {@code encoder} (what the ladder
 * settled on) and {@code profile}; two sessions with the same stream name get {@code name#2}, {@code name#3} so
 * a scrape never holds duplicate series. A session stays exported, with {@code fleetdeck_encode_running 0} once
 * it ended, until it is detached.
 */
public final class EncodeMetrics implements MultiCollector {
    static final String FRAMES = "fleetdeck_encode_frames";
    static final String DROPPED = "fleetdeck_encode_dropped_frames";
    static final String BYTES = "fleetdeck_encode_output_bytes";
    static final String FPS = "fleetdeck_encode_frames_per_second";
    static final String TARGET_FPS = "fleetdeck_encode_target_frames_per_second";
    static final String BITRATE = "fleetdeck_encode_bitrate_bits_per_second";
    static final String LATENCY = "fleetdeck_encode_latency_seconds";
    static final String RUNNING = "fleetdeck_encode_running";
    static final String SESSION = "fleetdeck_encode_session";

    private final CopyOnWriteArrayList<EncodeSession> sessions = new CopyOnWriteArrayList<>();

    /** Exports {@code session} from the next scrape on; attaching it twice changes nothing. */
    public void attach(EncodeSession session) {
        sessions.addIfAbsent(session);
    }

    /** Stops exporting {@code session}; its series go stale in Prometheus. */
    public void detach(EncodeSession session) {
        sessions.remove(session);
    }

    public int size() {
        return sessions.size();
    }

    @Override
    public MetricSnapshots collect() {
        List<Sample> samples = samples();
        return MetricSnapshots.of(
                counter(FRAMES, "Frames encoded and sent.", null, samples, s -> s.stats.frames()),
                counter(DROPPED, "Frames skipped because the encoder fell behind real time.", null, samples,
                        s -> s.stats.dropped()),
                counter(BYTES, "Bytes written by the muxer, container overhead included.", Unit.BYTES, samples,
                        s -> s.stats.bytes()),
                gauge(FPS, "Frames encoded per second over the last second.", samples, s -> s.stats.fps()),
                gauge(TARGET_FPS, "The profile's frame rate.", samples, s -> s.session.request().profile().fps()),
                gauge(BITRATE, "Muxed bits per second over the last second.", samples, s -> s.stats.bitrate()),
                gauge(LATENCY, "Mean time a frame spends in the encoder call.", samples,
                        s -> s.stats.encodeLatencyMs() / 1000.0),
                gauge(RUNNING, "1 while the session encodes, 0 once it stopped or failed.", samples,
                        s -> s.session.isRunning() ? 1 : 0),
                info(samples));
    }

    private List<Sample> samples() {
        Map<String, Integer> seen = new HashMap<>();
        List<Sample> out = new ArrayList<>(sessions.size());
        for (EncodeSession session : sessions) {
            String name = session.request().streamName();
            int n = seen.merge(name, 1, Integer::sum);
            String stream = n == 1 ? name : name + "#" + n;
            Labels labels = Labels.of("stream", stream, "encoder", session.encoder().encoder(),
                    "profile", session.request().profile().name());
            out.add(new Sample(session, session.stats(), labels));
        }
        return out;
    }

    private static CounterSnapshot counter(String name, String help, Unit unit, List<Sample> samples,
                                           ToDoubleFunction<Sample> value) {
        var builder = CounterSnapshot.builder().name(name).help(help);
        if (unit != null) {
            builder.unit(unit);
        }
        for (Sample s : samples) {
            builder.dataPoint(CounterDataPointSnapshot.builder().labels(s.labels).value(value.applyAsDouble(s)).build());
        }
        return builder.build();
    }

    private static GaugeSnapshot gauge(String name, String help, List<Sample> samples, ToDoubleFunction<Sample> value) {
        var builder = GaugeSnapshot.builder().name(name).help(help);
        if (name.endsWith("_seconds")) {
            builder.unit(Unit.SECONDS);
        }
        for (Sample s : samples) {
            builder.dataPoint(GaugeDataPointSnapshot.builder().labels(s.labels).value(value.applyAsDouble(s)).build());
        }
        return builder.build();
    }

    private static InfoSnapshot info(List<Sample> samples) {
        var builder = InfoSnapshot.builder().name(SESSION)
                .help("Where each session sends its stream and what it is: always 1.");
        for (Sample s : samples) {
            var request = s.session.request();
            builder.dataPoint(InfoDataPointSnapshot.builder().labels(s.labels.merge(Labels.of(
                    "output", request.output().toString(),
                    "hardware", Boolean.toString(s.session.encoder().hardware()),
                    "resolution", request.profile().width() + "x" + request.profile().height()))).build());
        }
        return builder.build();
    }

    private record Sample(EncodeSession session, StreamStats stats, Labels labels) {
    }
}
