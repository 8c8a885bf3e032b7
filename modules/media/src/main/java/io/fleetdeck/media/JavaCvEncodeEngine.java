package io.fleetdeck.media;

import io.fleetdeck.core.gpu.LocalGpuProbe;
import io.fleetdeck.core.gpu.LocalGpus;

import io.fleetdeck.core.media.EncodeEngine;
import io.fleetdeck.core.media.EncodeException;
import io.fleetdeck.core.media.EncodeProfile;
import io.fleetdeck.core.media.EncodeRequest;
import io.fleetdeck.core.media.EncodeSession;
import io.fleetdeck.core.media.EncoderChoice;
import io.fleetdeck.core.media.OutputTarget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The local encode engine on JavaCV/FFmpeg: lavfi test pattern → encoder ladder → muxer. Each session encodes on
 * its own thread; nothing is shared between sessions but FFmpeg's log routing.
 */
public final class JavaCvEncodeEngine implements EncodeEngine {
    private final LocalGpuProbe gpus;

    public JavaCvEncodeEngine() {
        this(LocalGpuProbe.unavailable("not consulted"));
    }

    /**
     * With NVML consulted before NVENC is tried: a compute GPU (H100, A100…) reports encoder capacity although it
     * has no NVENC engine, so the ladder says so instead of FFmpeg's driver-version message.
     */
    public JavaCvEncodeEngine(LocalGpuProbe gpus) {
        this.gpus = gpus;
        FfmpegLog.install();
    }

    /** NVML's verdict for NVENC rungs: a reason to skip them, or empty to try them. */
    private Optional<String> nvencVeto(EncoderLadder.Rung rung) {
        return rung.family() != EncoderLadder.Family.NVENC ? Optional.empty() : nvencVeto(gpus.probe());
    }

    static Optional<String> nvencVeto(LocalGpus local) {
        if (!local.available() || local.gpus().isEmpty() || local.anyNvencUsable()) {
            return Optional.empty();
        }
        return Optional.of("NVML: " + local.gpus().getFirst().nvenc().reason());
    }

    @Override
    public EncoderChoice probe(EncodeProfile profile) {
        try {
            EncoderLadder.Opened opened = EncoderLadder.open(EncoderLadder.RUNGS, this::nvencVeto,
                    rung -> Recorders.probe(profile, rung));
            EncoderLadder.release(opened.recorder());
            return opened.choice();
        } catch (EncoderLadder.NoEncoderException e) {
            // Nothing opened, not even software: no encoder chosen, every reason kept.
            return new EncoderChoice("", false, e.rejected());
        } catch (EncodeException e) {
            throw new IllegalStateException("the null output failed to open: " + e.getMessage(), e);
        }
    }

    @Override
    public EncodeSession start(EncodeRequest request) throws EncodeException {
        List<EncoderLadder.Rung> rungs = EncoderLadder.rungsFor(request.encoder());
        checkWritable(request.output());
        TestPatternSource source = TestPatternSource.open(request.profile(), request.streamName(), request.tone());
        EncoderLadder.Opened opened;
        try {
            opened = EncoderLadder.open(rungs, this::nvencVeto,
                    rung -> Recorders.create(request.output(), request.profile(), rung, request.tone()));
        } catch (EncodeException | RuntimeException e) {
            source.close();
            throw e;
        }
        if (request.output().kind() == OutputTarget.Kind.RTP) {
            try {
                Files.writeString(request.output().sdpFile(), Recorders.sdp(opened.recorder()), StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                EncoderLadder.release(opened.recorder());
                source.close();
                throw new EncodeException("cannot write the SDP file " + request.output().sdpFile() + ": " + e.getMessage(), e);
            }
        }
        JavaCvEncodeSession session = new JavaCvEncodeSession(request, opened.choice(), source, opened.recorder());
        session.start();
        return session;
    }

    /** Files are checked up front: FFmpeg's own error is only "Could not open", after the encoder opened. */
    private static void checkWritable(OutputTarget out) throws EncodeException {
        Path file = switch (out.kind()) {
            case FILE, HLS -> out.path();
            case RTP -> out.sdpFile();
            default -> null;
        };
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new EncodeException("cannot write " + file + ": directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new EncodeException("cannot write " + file + ": permission denied");
        }
    }
}
