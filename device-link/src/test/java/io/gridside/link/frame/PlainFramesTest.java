package io.gridside.link.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain form of frames a TCP stream switches to (protocol section 6.37), as the reader follows it. */
class PlainFramesTest {

    @Test
    void readsFramesPlainFromTheByteAfterTheSwitch() throws IOException {
        byte[] large = new byte[Frame.MAX_PAYLOAD];
        new Random(3).nextBytes(large);
        List<Frame> plain = List.of(frame(2, new byte[] {0, 0, 7}), frame(3, large), frame(4, new byte[0]));
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(FrameCodec.encode(frame(1, new byte[] {1})));
        stream.writeBytes(FrameCodec.encode(framing(Frame.PLAIN_SWITCH)));
        plain.forEach(frame -> stream.writeBytes(plainBytes(frame)));

        FrameReader reader = new FrameReader(new SlicedInputStream(stream.toByteArray(), 1000));
        reader.expectPlain();

        List<Frame> read = readAll(reader);
        assertThat(read).hasSize(5);
        assertThat(read.subList(2, 5)).containsExactlyElementsOf(plain);
        assertThat(reader.dropped()).isZero();
    }

    @Test
    void framesKeptWhileTheReaderReadsOnKeepTheirBytes() throws IOException {
        // A frame handed on must keep its payload while the reader reads on into its buffer.
        Random random = new Random(11);
        List<Frame> plain = new ArrayList<>();
        for (int seq = 2; seq < 90; seq++) {
            int length = seq % 3 == 0 ? 1 + random.nextInt(100) : Frame.MAX_PAYLOAD - random.nextInt(9000);
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            plain.add(frame(seq, payload));
        }
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(FrameCodec.encode(framing(Frame.PLAIN_SWITCH)));
        plain.forEach(frame -> stream.writeBytes(plainBytes(frame)));

        FrameReader reader = new FrameReader(new SlicedInputStream(stream.toByteArray(), 37_000));
        reader.expectPlain();

        List<Frame> read = readAll(reader);
        assertThat(read.subList(1, read.size())).containsExactlyElementsOf(plain);
    }

    @Test
    void keepsCobsAfterAnOfferAlone() throws IOException {
        byte[] stream = concat(FrameCodec.encode(framing(Frame.PLAIN_OFFER)), FrameCodec.encode(frame(2, new byte[] {
            0, 5, 0})));

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));

        assertThat(readAll(reader)).containsExactly(framing(Frame.PLAIN_OFFER), frame(2, new byte[] {0, 5, 0}));
    }

    @Test
    void tellsAPlainFrameBufferedOnlyOnceItIsWhole() throws IOException {
        byte[] second = plainBytes(frame(3, new byte[100]));
        byte[] stream = concat(FrameCodec.encode(framing(Frame.PLAIN_SWITCH)), plainBytes(frame(2, new byte[10])),
                Arrays.copyOf(second, second.length - 1));

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));
        reader.expectPlain();
        reader.next();

        assertThat(reader.hasFrameBuffered()).isTrue();
        assertThat(reader.next()).isEqualTo(frame(2, new byte[10]));
        assertThat(reader.hasFrameBuffered()).isFalse();
    }

    @Test
    void givesTheStreamUpWhenAPlainFrameBreaksARule() throws IOException {
        byte[] broken = plainBytes(frame(2, new byte[] {1, 2, 3}));
        broken[Frame.HEADER_LENGTH] ^= 0x40;
        byte[] stream = concat(FrameCodec.encode(framing(Frame.PLAIN_SWITCH)), broken,
                plainBytes(frame(3, new byte[] {4})));

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));
        reader.expectPlain();
        reader.next();

        assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessageContaining("CRC-32C");
        assertThat(reader.dropped()).isEqualTo(1);
    }

    @Test
    void givesTheStreamUpWhenAPlainFrameStatesALengthAboveTheLargest() throws IOException {
        byte[] header = Arrays.copyOf(plainBytes(frame(2, new byte[0])), Frame.HEADER_LENGTH);
        header[20] = (byte) 0xFF;
        byte[] stream = concat(FrameCodec.encode(framing(Frame.PLAIN_SWITCH)), header, new byte[70_000]);

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));
        reader.expectPlain();
        reader.next();

        assertThatThrownBy(reader::next).isInstanceOf(IOException.class).hasMessageContaining("longer");
    }

    @Test
    void endsAtTheEndOfTheStreamWithoutUsingAnUnfinishedPlainFrame() throws IOException {
        byte[] whole = plainBytes(frame(2, new byte[40]));
        byte[] stream = concat(FrameCodec.encode(framing(Frame.PLAIN_SWITCH)), whole,
                Arrays.copyOf(whole, whole.length - 5));

        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));
        reader.expectPlain();

        assertThat(readAll(reader)).containsExactly(framing(Frame.PLAIN_SWITCH), frame(2, new byte[40]));
    }

    @Test
    void aReaderThatOfferedNothingTakesASwitchForAFrameAndKeepsCobs() throws IOException {
        byte[] stream = concat(FrameCodec.encode(framing(Frame.PLAIN_SWITCH)), FrameCodec.encode(frame(2,
                new byte[] {0, 5, 0})));
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream));

        assertThat(readAll(reader)).containsExactly(framing(Frame.PLAIN_SWITCH), frame(2, new byte[] {0, 5, 0}));
    }

    private static Frame frame(int seq, byte[] payload) {
        return new Frame(0x21, Frame.FIRST | Frame.LAST, 3, 0x1d2c, seq, 7, 64, 0, 9, payload);
    }

    private static Frame framing(int what) {
        return new Frame(Frame.FRAMING, 0, 0, 0x1d2c, 0, 7, 64, 0, 0, new byte[] {(byte) what});
    }

    private static byte[] plainBytes(Frame frame) {
        byte[] out = new byte[FrameCodec.MAX_PLAIN_LENGTH];
        return Arrays.copyOf(out, FrameCodec.encodePlainInto(frame, out, 0));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static List<Frame> readAll(FrameReader reader) throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
            frames.add(frame);
        }
        return frames;
    }

    /** Hands out at most {@code slice} bytes a read, so frames straddle reads as they do on a socket. */
    private static final class SlicedInputStream extends InputStream {

        private final ByteArrayInputStream in;
        private final int slice;

        SlicedInputStream(byte[] bytes, int slice) {
            this.in = new ByteArrayInputStream(bytes);
            this.slice = slice;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, Math.min(slice, length));
        }
    }
}
