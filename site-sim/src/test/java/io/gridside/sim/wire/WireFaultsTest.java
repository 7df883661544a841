package io.gridside.sim.wire;

import static io.gridside.sim.wire.WireIo.randomBytes;
import static io.gridside.sim.wire.WireIo.readFully;
import static io.gridside.sim.wire.WireIo.writeInBackground;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.link.frame.Frame;
import io.gridside.link.frame.FrameCodec;
import io.gridside.link.frame.FrameReader;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Corruption and frame loss: at the rates asked for, drawn from the seed, and frames lost whole. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WireFaultsTest {

    private static final int BYTES = 1_000_000;
    private static final int FRAMES = 2_000;

    @Test
    void corruptsEachByteWithTheChosenChance() throws Exception {
        byte[] sent = randomBytes(BYTES, 1);

        byte[] received = carry(sent, WireProfile.unlimited().withCorruption(0.01).withSeed(7));

        long corrupted = differences(sent, received);
        // A million draws at 1%: 10,000 expected, with a standard deviation of 99.5; five of them either side.
        assertThat(corrupted).isBetween(9_500L, 10_500L);
    }

    @Test
    void countsEveryByteItCorruptsAndReplacesItWithADifferentOne() throws Exception {
        byte[] sent = new byte[BYTES];
        WireProfile profile = WireProfile.unlimited().withCorruption(0.001).withSeed(3);
        try (WireEmulator wire = WireEmulator.open(profile, WireClock.system())) {
            CompletableFuture<Void> writing = writeInBackground(wire.gatewayEnd(), sent);
            byte[] received = readFully(wire.consoleEnd(), BYTES);
            writing.get();

            assertThat(wire.stats(Direction.TO_CONSOLE).bytesCorrupted()).isEqualTo(differences(sent, received));
            assertThat(wire.stats(Direction.TO_CONSOLE).bytesDelivered()).isEqualTo(BYTES);
            assertThat(wire.stats(Direction.TO_GATEWAY).bytesCorrupted()).isZero();
        }
    }

    @Test
    void corruptsTheSameBytesForTheSameSeedAndOthersForAnother() throws Exception {
        byte[] sent = randomBytes(100_000, 2);
        WireProfile profile = WireProfile.unlimited().withCorruption(0.01);

        byte[] first = carry(sent, profile.withSeed(11));
        byte[] again = carry(sent, profile.withSeed(11));
        byte[] other = carry(sent, profile.withSeed(12));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void losesWholeFramesSoTheReceiverSeesOnlyIntactOnes() throws Exception {
        List<Frame> sent = frames();
        WireProfile profile = WireProfile.unlimited().withFrameLoss(0.1).withSeed(5);

        Delivery delivery = carryFrames(sent, profile);

        assertThat(delivery.reader.dropped()).isZero();
        assertThat(delivery.received).allSatisfy(frame -> assertThat(frame).isEqualTo(sent.get(frame.seq())));
        assertThat(delivery.received).extracting(Frame::seq).isSorted().doesNotHaveDuplicates();
        assertThat(delivery.received.size() + delivery.stats.framesLost()).isEqualTo(FRAMES);
        // 2,000 frames at 10%: 200 expected, with a standard deviation of 13.4; five of them either side.
        assertThat(delivery.stats.framesLost()).isBetween(133L, 267L);
    }

    @Test
    void losesTheSameFramesForTheSameSeed() throws Exception {
        List<Frame> sent = frames();
        WireProfile profile = WireProfile.unlimited().withFrameLoss(0.05).withSeed(9);

        List<Integer> first = seqs(carryFrames(sent, profile).received);
        List<Integer> again = seqs(carryFrames(sent, profile).received);

        assertThat(again).isEqualTo(first);
        assertThat(first).hasSizeLessThan(FRAMES);
    }

    @Test
    void letsNoCorruptedFrameThroughTheChecksum() throws Exception {
        List<Frame> sent = frames();
        WireProfile profile = WireProfile.unlimited().withCorruption(0.001).withFrameLoss(0.02).withSeed(13);

        Delivery delivery = carryFrames(sent, profile);

        assertThat(delivery.received).allSatisfy(frame -> assertThat(frame).isEqualTo(sent.get(frame.seq())));
        assertThat(delivery.reader.dropped()).isPositive();
        assertThat(delivery.received.size() + delivery.stats.framesLost()).isLessThan(FRAMES);
    }

    private record Delivery(List<Frame> received, FrameReader reader, WireStats stats) {
    }

    private static Delivery carryFrames(List<Frame> frames, WireProfile profile) throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (Frame frame : frames) {
            wire.write(FrameCodec.encode(frame));
        }
        try (WireEmulator emulator = WireEmulator.open(profile, WireClock.system())) {
            CompletableFuture<Void> writing = WireIo.inBackground(() -> {
                emulator.consoleEnd().output().write(wire.toByteArray());
                emulator.consoleEnd().close();
                return null;
            });
            FrameReader reader = new FrameReader(emulator.gatewayEnd().input());
            List<Frame> received = new ArrayList<>();
            Frame frame;
            while ((frame = reader.next()) != null) {
                received.add(frame);
            }
            writing.get();
            return new Delivery(received, reader, emulator.stats(Direction.TO_GATEWAY));
        }
    }

    /** Frames numbered by seq from 0, of every size from empty to a few kilobytes. */
    private static List<Frame> frames() {
        Random random = new Random(4);
        List<Frame> frames = new ArrayList<>();
        for (int seq = 0; seq < FRAMES; seq++) {
            byte[] payload = new byte[random.nextInt(seq % 10 == 0 ? 4_000 : 200)];
            random.nextBytes(payload);
            frames.add(new Frame(0x21, seq, 0, seq + 1, payload));
        }
        return frames;
    }

    private static List<Integer> seqs(List<Frame> frames) {
        return frames.stream().map(Frame::seq).toList();
    }

    private static byte[] carry(byte[] bytes, WireProfile profile) throws Exception {
        try (WireEmulator wire = WireEmulator.open(profile, WireClock.system())) {
            CompletableFuture<Void> writing = writeInBackground(wire.consoleEnd(), bytes);
            byte[] received = readFully(wire.gatewayEnd(), bytes.length);
            writing.get();
            return received;
        }
    }

    private static long differences(byte[] a, byte[] b) {
        assertThat(b).hasSameSizeAs(a);
        long count = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                count++;
            }
        }
        return count;
    }
}
