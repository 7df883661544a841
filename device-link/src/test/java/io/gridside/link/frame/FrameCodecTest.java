package io.gridside.link.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FrameCodecTest {

    private static final byte[] PAYLOAD = HexFormat.of().parseHex("a16474657874006f6b");

    static Stream<Frame> frames() {
        byte[] largest = new byte[Frame.MAX_PAYLOAD];
        new Random(3).nextBytes(largest);
        byte[] largestWithoutZeros = new byte[Frame.MAX_PAYLOAD];
        Arrays.fill(largestWithoutZeros, (byte) 0x7e);
        return Stream.of(
                new Frame(0x04, 0, 0, 0, new byte[0]),
                new Frame(0x21, 1, 2, 3, PAYLOAD),
                new Frame(0xFF, 0xFFFF, 0xFFFF, 0xFFFF_FFFFL, new byte[300]),
                new Frame(0x11, 17, 4, 0x8000_0000L, largest),
                new Frame(0x11, 18, 4, 12, largestWithoutZeros),
                new Frame(0x13, Frame.FIRST, 3, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF_FFFFL, 0xFFFF_FFFFL, PAYLOAD),
                new Frame(0x15, Frame.LAST | Frame.RESET, 2, 1, 0, 0xFFFF, 48, 0x8000_0001L, 77, PAYLOAD),
                new Frame(Frame.ACK, 0, 0, 0x5EED, 0, 41, 64, 0b1011, 0, new byte[0]));
    }

    @ParameterizedTest
    @MethodSource("frames")
    void decodesWhatItEncoded(Frame frame) {
        byte[] wire = FrameCodec.encode(frame);

        assertThat(FrameCodec.decode(wire, 0, wire.length - 1)).isEqualTo(frame);
    }

    @ParameterizedTest
    @MethodSource("frames")
    void endsEveryFrameWithItsOnlyDelimiter(Frame frame) {
        byte[] wire = FrameCodec.encode(frame);

        assertThat(wire[wire.length - 1]).isEqualTo(FrameCodec.DELIMITER);
        assertThat(RawFrames.block(wire)).doesNotContain(FrameCodec.DELIMITER);
        assertThat(wire.length - 1).isLessThanOrEqualTo(FrameCodec.MAX_ENCODED_LENGTH);
    }

    @Test
    void laysOutTheHeaderBigEndianWithTheChecksumOverHeaderAndPayload() {
        Frame frame = new Frame(0x21, Frame.FIRST | Frame.RESET, 3, 0xBEEF, 0x1234, 0xABCD, 0x0040, 0x8000_0001L,
                0xDEADBEEFL, PAYLOAD);

        byte[] wire = FrameCodec.encode(frame);
        byte[] raw = Cobs.decode(wire, 0, wire.length - 1);

        assertThat(HexFormat.of().formatHex(raw, 0, Frame.HEADER_LENGTH))
                .isEqualTo("02" + "21" + "05" + "03" + "beef" + "1234" + "abcd" + "0040" + "80000001" + "deadbeef"
                        + "0009");
        RawFrames.Header header = new RawFrames.Header(Frame.VERSION, 0x21, Frame.FIRST | Frame.RESET, 3, 0xBEEF,
                0x1234, 0xABCD, 0x0040, 0x8000_0001L, 0xDEADBEEFL);
        assertThat(raw).isEqualTo(RawFrames.raw(header, PAYLOAD.length, PAYLOAD));
    }

    @Test
    void laysOutABareAcknowledgementAsAHeaderAndChecksumOnly() {
        Frame ack = new Frame(Frame.ACK, 0, 0, 0x0102, 0, 0x0304, 0x0506, 0x0708_090AL, 0, new byte[0]);

        byte[] wire = FrameCodec.encode(ack);
        byte[] raw = Cobs.decode(wire, 0, wire.length - 1);

        assertThat(raw).hasSize(Frame.HEADER_LENGTH + Frame.TRAILER_LENGTH);
        assertThat(HexFormat.of().formatHex(raw, 0, Frame.HEADER_LENGTH))
                .isEqualTo("0200000001020000030405060708090a000000000000");
        assertThat(FrameCodec.decode(wire, 0, wire.length - 1).isAck()).isTrue();
    }

    @Test
    void dropsFrameWithBadChecksum() {
        byte[] raw = RawFrames.raw(0x04, 1, 0, 9, PAYLOAD);
        raw[Frame.HEADER_LENGTH + 2] ^= 0x10;

        assertThat(ruleBrokenBy(RawFrames.wire(raw))).isEqualTo(FrameException.Rule.CHECKSUM);
    }

    @Test
    void dropsFrameOfAnotherVersionEvenWithAGoodChecksum() {
        byte[] raw = RawFrames.raw(1, 0x04, 1, 0, 9, PAYLOAD.length, PAYLOAD);

        assertThat(ruleBrokenBy(RawFrames.wire(raw))).isEqualTo(FrameException.Rule.VERSION);
    }

    @Test
    void dropsFrameWithAFlagTheProtocolDoesNotDefine() {
        RawFrames.Header header = RawFrames.Header.of(0x04, 1, 0, 9).withFlags(Frame.FIRST | Frame.LAST | 0x08);

        assertThat(ruleBrokenBy(RawFrames.wire(RawFrames.raw(header, PAYLOAD.length, PAYLOAD))))
                .isEqualTo(FrameException.Rule.HEADER);
    }

    @Test
    void dropsFrameOnAChannelPastTheLowestPriority() {
        RawFrames.Header header = RawFrames.Header.of(0x04, 1, 0, 9).withChannel(Frame.CHANNELS);

        assertThat(ruleBrokenBy(RawFrames.wire(RawFrames.raw(header, PAYLOAD.length, PAYLOAD))))
                .isEqualTo(FrameException.Rule.HEADER);
    }

    @Test
    void dropsFrameWhoseLengthFieldClaimsMoreThanItCarries() {
        byte[] raw = RawFrames.raw(Frame.VERSION, 0x04, 1, 0, 9, PAYLOAD.length + 1, PAYLOAD);

        assertThat(ruleBrokenBy(RawFrames.wire(raw))).isEqualTo(FrameException.Rule.LENGTH);
    }

    @Test
    void dropsFrameWhoseLengthFieldClaimsLessThanItCarries() {
        byte[] raw = RawFrames.raw(Frame.VERSION, 0x04, 1, 0, 9, PAYLOAD.length - 1, PAYLOAD);

        assertThat(ruleBrokenBy(RawFrames.wire(raw))).isEqualTo(FrameException.Rule.LENGTH);
    }

    @Test
    void dropsFrameWithAPayloadOverTheMaximumEvenWhenItsLengthFieldAgrees() {
        byte[] payload = new byte[Frame.MAX_PAYLOAD + 1];
        byte[] raw = RawFrames.raw(Frame.VERSION, 0x21, 1, 0, 9, payload.length, payload);

        byte[] wire = RawFrames.wire(raw);

        assertThat(wire.length - 1).isLessThanOrEqualTo(FrameCodec.MAX_ENCODED_LENGTH);
        assertThat(ruleBrokenBy(wire)).isEqualTo(FrameException.Rule.LENGTH);
    }

    @Test
    void dropsFrameTooShortToHoldHeaderAndChecksum() {
        int headerAndChecksum = Frame.HEADER_LENGTH + Frame.TRAILER_LENGTH;
        byte[] raw = Arrays.copyOf(RawFrames.raw(0x04, 1, 0, 9, new byte[0]), headerAndChecksum - 1);

        assertThat(ruleBrokenBy(RawFrames.wire(raw))).isEqualTo(FrameException.Rule.TOO_SHORT);
    }

    @Test
    void dropsEncodedFrameLongerThanTheLargestAllowed() {
        byte[] block = new byte[FrameCodec.MAX_ENCODED_LENGTH + 1];
        Arrays.fill(block, (byte) 1);

        assertThatThrownBy(() -> FrameCodec.decode(block, 0, block.length))
                .isInstanceOfSatisfying(FrameException.class,
                        e -> assertThat(e.rule()).isEqualTo(FrameException.Rule.TOO_LONG));
    }

    @Test
    void dropsFrameThatIsNotValidCobs() {
        byte[] wire = FrameCodec.encode(new Frame(0x04, 1, 0, 9, PAYLOAD));
        wire[0] = (byte) 0xFE;

        assertThat(ruleBrokenBy(wire)).isEqualTo(FrameException.Rule.COBS);
    }

    @Test
    void neverDecodesAFrameWithAnyOneByteChanged() {
        Frame frame = new Frame(0x21, Frame.FIRST, 1, 0x3A5C, 513, 77, 48, 0x0000_F00FL, 0x0102_0304L,
                samplePayload(48));
        byte[] block = RawFrames.block(FrameCodec.encode(frame));

        for (int position = 0; position < block.length; position++) {
            for (int value = 0; value < 256; value++) {
                if (value == (block[position] & 0xFF)) {
                    continue;
                }
                byte[] corrupted = block.clone();
                corrupted[position] = (byte) value;
                assertRejected(corrupted, "byte " + position + " set to " + value);
            }
        }
    }

    @Test
    void neverDecodesAFrameHitByABurstOfNoise() {
        Random random = new Random(5);
        Frame frame = new Frame(0x13, 9, 8, 7, samplePayload(400));
        byte[] block = RawFrames.block(FrameCodec.encode(frame));

        for (int round = 0; round < 20_000; round++) {
            byte[] corrupted = block.clone();
            int start = random.nextInt(block.length);
            int end = Math.min(block.length, start + 1 + random.nextInt(6));
            for (int i = start; i < end; i++) {
                corrupted[i] = (byte) random.nextInt(256);
            }
            if (!Arrays.equals(corrupted, block)) {
                assertRejected(corrupted, "bytes " + start + " to " + end + " rewritten");
            }
        }
    }

    private static void assertRejected(byte[] corrupted, String what) {
        try {
            Frame decoded = FrameCodec.decode(corrupted, 0, corrupted.length);
            fail("A frame with " + what + " decoded as " + decoded);
        } catch (FrameException expected) {
            // The frame was dropped, which is the only acceptable outcome.
        }
    }

    private static byte[] samplePayload(int length) {
        byte[] payload = new byte[length];
        new Random(length).nextBytes(payload);
        return payload;
    }

    /** The rule a wire frame broke; fails the test when the frame decodes. */
    private static FrameException.Rule ruleBrokenBy(byte[] wire) {
        try {
            Frame decoded = FrameCodec.decode(wire, 0, wire.length - 1);
            throw new AssertionError("Expected the frame to be dropped, but it decoded as " + decoded);
        } catch (FrameException e) {
            return e.rule();
        }
    }
}
