package io.gridside.link.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FrameReaderTest {

    private static final byte[] PAYLOAD = HexFormat.of().parseHex("bf656e6f6e6365182aff");

    @Test
    void readsFramesSentBackToBack() throws IOException {
        List<Frame> sent = framesNumberedFrom(0, 20);

        FrameReader reader = new FrameReader(new ByteArrayInputStream(wireOf(sent)));

        assertThat(readAll(reader)).containsExactlyElementsOf(sent);
        assertThat(reader.received()).isEqualTo(20);
        assertThat(reader.dropped()).isZero();
    }

    @Test
    void readsFramesThatArriveOneByteAtATime() throws IOException {
        byte[] large = new byte[Frame.MAX_PAYLOAD];
        new Random(1).nextBytes(large);
        List<Frame> sent = List.of(frame(1), new Frame(0x21, 2, 0, 5, large), frame(3));

        FrameReader reader = new FrameReader(new TrickleInputStream(wireOf(sent)));

        assertThat(readAll(reader)).containsExactlyElementsOf(sent);
    }

    @Test
    void skipsEmptyFramesBetweenDelimitersWithoutCountingThemAsDropped() throws IOException {
        byte[] stream = RawFrames.concat(new byte[3], FrameCodec.encode(frame(1)), new byte[2],
                FrameCodec.encode(frame(2)));

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));

        assertThat(readAll(reader)).containsExactly(frame(1), frame(2));
        assertThat(reader.dropped()).isZero();
    }

    @Test
    void endsAtTheEndOfTheStreamWithoutUsingAnUnfinishedFrame() throws IOException {
        byte[] unfinished = RawFrames.block(FrameCodec.encode(frame(2)));
        byte[] stream = RawFrames.concat(FrameCodec.encode(frame(1)), unfinished);

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));

        assertThat(reader.next()).isEqualTo(frame(1));
        assertThat(reader.next()).isNull();
    }

    /** One frame for each framing rule, each broken in that rule only. */
    static Stream<Arguments> badFrames() {
        byte[] badChecksum = RawFrames.raw(0x04, 1, 0, 9, PAYLOAD);
        badChecksum[Frame.HEADER_LENGTH] ^= 0x01;
        byte[] overrun = FrameCodec.encode(frame(1));
        overrun[0] = (byte) 0xFE;
        byte[] tooLong = new byte[FrameCodec.MAX_ENCODED_LENGTH + 2];
        Arrays.fill(tooLong, (byte) 0x42);
        return Stream.of(
                Arguments.of(FrameException.Rule.CHECKSUM, RawFrames.wire(badChecksum)),
                Arguments.of(FrameException.Rule.VERSION,
                        RawFrames.wire(RawFrames.raw(9, 0x04, 1, 0, 9, PAYLOAD.length, PAYLOAD))),
                Arguments.of(FrameException.Rule.LENGTH,
                        RawFrames.wire(RawFrames.raw(Frame.VERSION, 0x04, 1, 0, 9, PAYLOAD.length + 3, PAYLOAD))),
                Arguments.of(FrameException.Rule.HEADER, RawFrames.wire(RawFrames.raw(
                        RawFrames.Header.of(0x04, 1, 0, 9).withChannel(7), PAYLOAD.length, PAYLOAD))),
                Arguments.of(FrameException.Rule.TOO_SHORT, RawFrames.wire(HexFormat.of().parseHex("0104"))),
                Arguments.of(FrameException.Rule.COBS, overrun),
                Arguments.of(FrameException.Rule.TOO_LONG, RawFrames.concat(tooLong, new byte[1])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void dropsAndCountsABadFrameThenReadsTheNextGoodOne(FrameException.Rule rule, byte[] bad) throws IOException {
        byte[] stream = RawFrames.concat(FrameCodec.encode(frame(1)), bad, FrameCodec.encode(frame(2)));

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));

        assertThat(readAll(reader)).containsExactly(frame(1), frame(2));
        assertThat(reader.dropped()).isEqualTo(1);
        assertThat(reader.received()).isEqualTo(2);
    }

    @Test
    void discardsAnOverlongRunAsItArrivesInsteadOfBufferingIt() throws Exception {
        long noise = 64L * 1024 * 1024;
        InputStream stream = new NoiseThenBytes(noise, RawFrames.concat(new byte[1], FrameCodec.encode(frame(1))));

        FrameReader reader = new FrameReader(stream);

        assertThat(reader.next()).isEqualTo(frame(1));
        assertThat(reader.dropped()).isEqualTo(1);
        // Nothing else shows what the reader held on to, so look at its buffer.
        assertThat(bufferOf(reader)).hasSizeLessThanOrEqualTo(FrameCodec.MAX_ENCODED_LENGTH);
    }

    @Test
    void losesNoFrameToNoiseThatEndsInADelimiter() throws IOException {
        byte[] noise = HexFormat.of().parseHex("4854545020343030000d0a1b5b3f00");
        byte[] stream = RawFrames.concat(wireOf(framesNumberedFrom(0, 3)), noise, wireOf(framesNumberedFrom(3, 3)));

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));

        assertThat(readAll(reader)).containsExactlyElementsOf(framesNumberedFrom(0, 6));
        assertThat(reader.dropped()).isEqualTo(2);
    }

    @Test
    void losesOnlyTheFrameThatNoiseRanIntoAndReadsEveryFrameAfterIt() throws IOException {
        byte[] noise = HexFormat.of().parseHex("4854545020343030000d0a1b5b3f");
        byte[] stream = RawFrames.concat(wireOf(framesNumberedFrom(0, 3)), noise, wireOf(framesNumberedFrom(3, 3)));

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));

        assertThat(readAll(reader)).containsExactly(frame(0), frame(1), frame(2), frame(4), frame(5));
        assertThat(reader.dropped()).isEqualTo(2);
    }

    @Test
    void resynchronisesAfterRandomLineNoiseBetweenGoodFrames() throws IOException {
        Random random = new Random(23);
        for (int round = 0; round < 300; round++) {
            byte[] noise = new byte[1 + random.nextInt(3000)];
            random.nextBytes(noise);
            List<Frame> before = framesNumberedFrom(0, 1 + random.nextInt(4));
            List<Frame> after = framesNumberedFrom(100, 1 + random.nextInt(4));
            byte[] stream = RawFrames.concat(wireOf(before), noise, wireOf(after));

            FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));

            assertThat(readAll(reader)).as("round %d", round).containsExactlyElementsOf(expectedAround(
                    before, noise, after));
            assertThat(reader.dropped()).as("round %d", round).isEqualTo(blocksIn(noise));
        }
    }

    @Test
    void neverDeliversAFrameWithAnyOneByteChanged() throws IOException {
        Frame victim = new Frame(0x21, 7, 6, 0x0A0B0C0DL, PAYLOAD);
        byte[] wire = FrameCodec.encode(victim);
        byte[] first = FrameCodec.encode(frame(1));
        byte[] last = FrameCodec.encode(frame(2));

        for (int position = 0; position < wire.length; position++) {
            for (int value = 0; value < 256; value++) {
                if (value == (wire[position] & 0xFF)) {
                    continue;
                }
                byte[] corrupted = wire.clone();
                corrupted[position] = (byte) value;
                FrameReader reader = new FrameReader(new ByteArrayInputStream(
                        RawFrames.concat(first, corrupted, last)));

                // A delimiter turned into data merges the victim with the next frame, so both are lost.
                List<Frame> expected = position == wire.length - 1 ? List.of(frame(1)) : List.of(frame(1), frame(2));
                assertThat(readAll(reader)).as("byte %d set to %d", position, value)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    /** Noise is one or more bad blocks; its tail, if it has no delimiter, spoils the first frame after it. */
    private static List<Frame> expectedAround(List<Frame> before, byte[] noise, List<Frame> after) {
        List<Frame> expected = new ArrayList<>(before);
        boolean tailSpoilsNext = noise[noise.length - 1] != FrameCodec.DELIMITER;
        expected.addAll(tailSpoilsNext ? after.subList(1, after.size()) : after);
        return expected;
    }

    /** How many non-empty blocks the noise holds between delimiters, its unterminated tail included. */
    private static long blocksIn(byte[] noise) {
        long blocks = 0;
        boolean inBlock = false;
        for (byte b : noise) {
            if (b == FrameCodec.DELIMITER) {
                inBlock = false;
            } else if (!inBlock) {
                inBlock = true;
                blocks++;
            }
        }
        return blocks;
    }

    private static Frame frame(int seq) {
        return new Frame(0x04, seq, 0, 1000 + seq, PAYLOAD);
    }

    private static List<Frame> framesNumberedFrom(int first, int count) {
        List<Frame> frames = new ArrayList<>();
        for (int seq = first; seq < first + count; seq++) {
            frames.add(frame(seq));
        }
        return frames;
    }

    private static byte[] wireOf(List<Frame> frames) {
        return RawFrames.concat(frames.stream().map(FrameCodec::encode).toArray(byte[][]::new));
    }

    private static List<Frame> readAll(FrameReader reader) throws IOException {
        List<Frame> frames = new ArrayList<>();
        Frame frame;
        while ((frame = reader.next()) != null) {
            frames.add(frame);
        }
        return frames;
    }

    private static byte[] bufferOf(FrameReader reader) throws ReflectiveOperationException {
        Field pending = FrameReader.class.getDeclaredField("pending");
        pending.setAccessible(true);
        return (byte[]) pending.get(reader);
    }

    /** Hands out its bytes one per read, as a slow serial line does. */
    private static final class TrickleInputStream extends InputStream {

        private final ByteArrayInputStream bytes;

        TrickleInputStream(byte[] bytes) {
            this.bytes = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return len == 0 ? 0 : bytes.read(b, off, 1);
        }
    }

    /** A long run of non-zero bytes, made up as it is read, followed by some given bytes. */
    private static final class NoiseThenBytes extends InputStream {

        private long noiseLeft;
        private final ByteArrayInputStream tail;

        NoiseThenBytes(long noise, byte[] tail) {
            this.noiseLeft = noise;
            this.tail = new ByteArrayInputStream(tail);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (noiseLeft == 0) {
                return tail.read(b, off, len);
            }
            int n = (int) Math.min(len, noiseLeft);
            Arrays.fill(b, off, off + n, (byte) 0x5A);
            noiseLeft -= n;
            return n;
        }
    }
}
