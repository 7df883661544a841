package io.gridside.link.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CobsTest {

    /** Blocks at the edges of the encoding: empty, zero runs, and non-zero runs around the 254-byte limit. */
    static Stream<Arguments> edgeCases() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("one zero", new byte[1]),
                Arguments.of("all zeros", new byte[300]),
                Arguments.of("no zeros", nonZero(40)),
                Arguments.of("253 non-zero", nonZero(253)),
                Arguments.of("254 non-zero", nonZero(254)),
                Arguments.of("255 non-zero", nonZero(255)),
                Arguments.of("254 non-zero then a zero", append(nonZero(254), (byte) 0)),
                Arguments.of("a zero then 254 non-zero", prepend((byte) 0, nonZero(254))),
                Arguments.of("three runs of 254", nonZero(3 * 254)),
                Arguments.of("16 KiB random", random(new Random(7), 16 * 1024)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void decodesWhatItEncoded(String name, byte[] block) {
        byte[] encoded = Cobs.encode(block, 0, block.length);

        assertThat(Cobs.decode(encoded, 0, encoded.length)).isEqualTo(block);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void encodesWithoutAnyZeroAndWithinTheAdvertisedSize(String name, byte[] block) {
        byte[] encoded = Cobs.encode(block, 0, block.length);

        assertThat(encoded).doesNotContain((byte) 0);
        assertThat(encoded.length).isLessThanOrEqualTo(Cobs.maxEncodedLength(block.length));
    }

    @Test
    void encodesRandomBlocksWithZerosAndDecodesThemBack() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            byte[] block = random(random, random.nextInt(1200));
            for (int i = 0; i < block.length; i++) {
                // Make zeros common so that both short and long runs occur.
                if (random.nextInt(8) == 0) {
                    block[i] = 0;
                }
            }
            byte[] encoded = Cobs.encode(block, 0, block.length);

            assertThat(encoded).doesNotContain((byte) 0);
            assertThat(Cobs.decode(encoded, 0, encoded.length)).isEqualTo(block);
        }
    }

    @Test
    void encodesEveryBlockAsTheByteAtATimeDefinitionDoes() {
        Random random = new Random(12);
        for (int round = 0; round < 2_000; round++) {
            byte[] block = random(random, random.nextInt(1_500));
            int zeroOneIn = 1 + random.nextInt(600);
            for (int i = 0; i < block.length; i++) {
                block[i] = random.nextInt(zeroOneIn) == 0 ? 0 : (byte) (1 + random.nextInt(255));
            }

            assertThat(Cobs.encode(block, 0, block.length)).isEqualTo(byteAtATime(block));
        }
    }

    /** COBS as it is defined: each zero, and each 254th non-zero byte of a run, closes a block. */
    private static byte[] byteAtATime(byte[] block) {
        byte[] out = new byte[Cobs.maxEncodedLength(block.length)];
        int codeIndex = 0;
        int write = 1;
        int code = 1;
        for (byte b : block) {
            if (b != 0) {
                out[write++] = b;
                code++;
            }
            if (b == 0 || code == 0xFF) {
                out[codeIndex] = (byte) code;
                codeIndex = write++;
                code = 1;
            }
        }
        out[codeIndex] = (byte) code;
        return Arrays.copyOf(out, write);
    }

    @Test
    void replacesEachZeroWithTheDistanceToTheNextOne() {
        byte[] block = HexFormat.of().parseHex("0a0b000c00");

        assertThat(HexFormat.of().formatHex(Cobs.encode(block, 0, block.length))).isEqualTo("030a0b020c01");
    }

    @Test
    void splitsARunOf254NonZeroBytesWithAFullLengthCode() {
        byte[] block = nonZero(254);

        byte[] encoded = Cobs.encode(block, 0, block.length);

        assertThat(encoded).hasSize(256);
        assertThat(encoded[0]).isEqualTo((byte) 0xFF);
        assertThat(Arrays.copyOfRange(encoded, 1, 255)).isEqualTo(block);
        assertThat(encoded[255]).isEqualTo((byte) 1);
    }

    @Test
    void encodesAndDecodesOnlyTheGivenSlice() {
        byte[] around = HexFormat.of().parseHex("ff0102000304ff");

        byte[] encoded = Cobs.encode(around, 1, 5);
        byte[] padded = append(prepend((byte) 0x55, encoded), (byte) 0x66);

        assertThat(Cobs.decode(padded, 1, encoded.length)).isEqualTo(HexFormat.of().parseHex("0102000304"));
    }

    @Test
    void rejectsAZeroInACodePosition() {
        byte[] block = HexFormat.of().parseHex("020a000b");

        assertThatThrownBy(() -> Cobs.decode(block, 0, block.length))
                .isInstanceOfSatisfying(FrameException.class,
                        e -> assertThat(e.rule()).isEqualTo(FrameException.Rule.COBS));
    }

    @Test
    void rejectsAZeroAmongTheDataBytes() {
        byte[] block = HexFormat.of().parseHex("040a000b");

        assertThatThrownBy(() -> Cobs.decode(block, 0, block.length))
                .isInstanceOfSatisfying(FrameException.class,
                        e -> assertThat(e.rule()).isEqualTo(FrameException.Rule.COBS));
    }

    @Test
    void rejectsACodeThatRunsPastTheEndOfTheBlock() {
        byte[] block = HexFormat.of().parseHex("050a0b");

        assertThatThrownBy(() -> Cobs.decode(block, 0, block.length))
                .isInstanceOfSatisfying(FrameException.class,
                        e -> assertThat(e.rule()).isEqualTo(FrameException.Rule.COBS));
    }

    @Test
    void rejectsACodeThatRunsPastTheSliceEvenWhenTheArrayGoesOn() {
        byte[] block = HexFormat.of().parseHex("050a0b0c0d");

        assertThatThrownBy(() -> Cobs.decode(block, 0, 3))
                .isInstanceOfSatisfying(FrameException.class,
                        e -> assertThat(e.rule()).isEqualTo(FrameException.Rule.COBS));
    }

    private static byte[] nonZero(int length) {
        byte[] block = new byte[length];
        for (int i = 0; i < length; i++) {
            block[i] = (byte) (1 + i % 255);
        }
        return block;
    }

    private static byte[] random(Random random, int length) {
        byte[] block = new byte[length];
        random.nextBytes(block);
        return block;
    }

    private static byte[] append(byte[] block, byte last) {
        byte[] longer = Arrays.copyOf(block, block.length + 1);
        longer[block.length] = last;
        return longer;
    }

    private static byte[] prepend(byte first, byte[] block) {
        byte[] longer = new byte[block.length + 1];
        longer[0] = first;
        System.arraycopy(block, 0, longer, 1, block.length);
        return longer;
    }
}
