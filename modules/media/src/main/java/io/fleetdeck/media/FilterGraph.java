package io.fleetdeck.media;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.PointerPointer;

import java.util.HashMap;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse2;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_link;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

/**
 * A source-only libavfilter graph (generators such as {@code smptehdbars}, {@code sine}) with a sink per labelled
 * output. This is what the {@code lavfi} input device does, without going through libavdevice: that library
 * links the system's X11, ALSA and PulseAudio client libraries, which headless nodes and containers lack, and
 * JavaCV hides its load failure behind "Could not find input format lavfi".
 */
final class FilterGraph implements AutoCloseable {
    private final AVFilterGraph graph;
    private final Map<String, AVFilterContext> sinks = new HashMap<>();

    /** Parses and configures {@code description}; every open output (e.g. {@code [out0]}) gets a sink of that name. */
    FilterGraph(String description) {
        graph = avfilter_graph_alloc();
        if (graph == null) {
            throw new IllegalStateException("avfilter_graph_alloc failed");
        }
        PointerPointer<AVFilterInOut> ins = new PointerPointer<>(1);
        PointerPointer<AVFilterInOut> outs = new PointerPointer<>(1);
        try {
            check(avfilter_graph_parse2(graph, new org.bytedeco.javacpp.BytePointer(description), ins, outs), "parse");
            if (ins.get(0) != null) {
                throw new IllegalStateException("the graph has unconnected inputs: a test pattern must generate everything");
            }
            for (AVFilterInOut o = outs.get(AVFilterInOut.class, 0); o != null && !o.isNull(); o = o.next()) {
                String name = o.name() == null ? "out" + sinks.size() : o.name().getString();
                boolean video = name.startsWith("out0");
                PointerPointer<AVFilterContext> sink = new PointerPointer<>(1);
                check(avfilter_graph_create_filter(sink, avfilter_get_by_name(video ? "buffersink" : "abuffersink"),
                        new org.bytedeco.javacpp.BytePointer(name), null, null, graph), "create sink " + name);
                AVFilterContext ctx = sink.get(AVFilterContext.class, 0);
                check(avfilter_link(o.filter_ctx(), o.pad_idx(), ctx, 0), "link " + name);
                sinks.put(name, ctx);
            }
            check(avfilter_graph_config(graph, null), "configure");
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            avfilter_inout_free(ins);
            avfilter_inout_free(outs);
        }
    }

    boolean has(String output) {
        return sinks.containsKey(output);
    }

    /** Runs the graph until {@code output} yields its next frame into {@code into} (whose old data is released). */
    void pull(String output, AVFrame into) {
        AVFilterContext sink = sinks.get(output);
        if (sink == null) {
            throw new IllegalArgumentException("no output " + output);
        }
        av_frame_unref(into);
        check(av_buffersink_get_frame(sink, into), "pull " + output);
    }

    @Override
    public void close() {
        sinks.clear();
        avfilter_graph_free(graph);
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new IllegalStateException("filter graph: " + what + " failed (" + FfmpegErrors.text(ret) + ")");
        }
    }
}
