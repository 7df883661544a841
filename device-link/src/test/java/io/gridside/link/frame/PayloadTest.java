package io.gridside.link.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.cbor.ByteString;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A payload in pieces reads as the same bytes as one array, and its slices share them without copies. */
class PayloadTest {

    private static final byte[] BYTES = random(100);

    /** The same hundred bytes in three pieces of 7, 60 and 33, the middle one a run inside a larger array. */
    private static Payload inPieces() {
        byte[] larger = new byte[80];
        System.arraycopy(BYTES, 7, larger, 10, 60);
        return Payload.of(List.of(ByteString.of(Arrays.copyOfRange(BYTES, 0, 7)), ByteString.adopt(larger, 10, 60),
                ByteString.of(new byte[0]), ByteString.of(Arrays.copyOfRange(BYTES, 67, 100))));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void piecesReadAsTheBytesJoined() {
        Payload payload = inPieces();
        byte[] target = new byte[102];

        payload.copyTo(target, 2);

        assertThat(payload.length()).isEqualTo(100);
        assertThat(payload.toArray()).isEqualTo(BYTES);
        assertThat(Arrays.copyOfRange(target, 2, 102)).isEqualTo(BYTES);
        assertThat(payload).isEqualTo(Payload.of(BYTES.clone())).hasSameHashCodeAs(Payload.of(BYTES.clone()));
    }

    @Test
    void everySliceHoldsTheBytesOfThatRangeAcrossPieces() {
        Payload payload = inPieces();

        for (int from = 0; from <= 100; from += 3) {
            for (int to = from; to <= 100; to += 7) {
                assertThat(payload.slice(from, to).toArray()).isEqualTo(Arrays.copyOfRange(BYTES, from, to));
                assertThat(Payload.of(BYTES).slice(from, to).toArray())
                        .isEqualTo(Arrays.copyOfRange(BYTES, from, to));
            }
        }
        assertThat(payload.slice(5, 90).slice(10, 20).toArray()).isEqualTo(Arrays.copyOfRange(BYTES, 15, 25));
        assertThat(payload.slice(0, 100)).isSameAs(payload);
    }

    @Test
    void anArrayTakenOverIsGivenBackAsItIs() {
        byte[] bytes = random(16);

        assertThat(Payload.of(bytes).toArray()).isSameAs(bytes);
        assertThat(Payload.of(new byte[0]).length()).isZero();
        assertThat(Payload.of(List.of()).toArray()).isEmpty();
    }

    @Test
    void refusesASliceOutsideIt() {
        assertThatThrownBy(() -> inPieces().slice(50, 101)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> inPieces().slice(60, 50)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aFrameOfASliceGoesOnTheWireAsAFrameOfTheSameBytesInOneArray() {
        Payload slice = inPieces().slice(3, 97);
        Frame ofSlice = new Frame(0x84, Frame.FIRST, 3, 9, 12, 5, 64, 0, 77, slice);
        Frame ofArray = new Frame(0x84, Frame.FIRST, 3, 9, 12, 5, 64, 0, 77, Arrays.copyOfRange(BYTES, 3, 97));
        byte[] plainOfSlice = new byte[FrameCodec.MAX_PLAIN_LENGTH];
        byte[] plainOfArray = new byte[FrameCodec.MAX_PLAIN_LENGTH];

        int end = FrameCodec.encodePlainInto(ofSlice, plainOfSlice, 0);

        assertThat(end).isEqualTo(FrameCodec.encodePlainInto(ofArray, plainOfArray, 0));
        assertThat(plainOfSlice).isEqualTo(plainOfArray);
        assertThat(FrameCodec.encode(ofSlice)).isEqualTo(FrameCodec.encode(ofArray));
        assertThat(ofSlice).isEqualTo(ofArray);
        assertThat(FrameCodec.decodePlain(plainOfSlice, 0, end)).isEqualTo(ofArray);
    }
}
