package io.gridside.site.cbor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The ways a byte string hands its bytes over without a copy, and the copy {@link ByteString#of} still makes. */
class ByteStringTest {

    @Test
    void ofCopiesTheArraySoALaterChangeDoesNotReachIt() {
        byte[] bytes = {1, 2, 3};
        ByteString copied = ByteString.of(bytes);
        bytes[0] = 9;

        assertThat(copied.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void adoptTakesTheArrayAsItIsAndEqualsACopyOfTheSameBytes() {
        byte[] bytes = {4, 5, 6};

        ByteString adopted = ByteString.adopt(bytes);

        assertThat(adopted).isEqualTo(ByteString.of(new byte[] {4, 5, 6}));
        assertThat(adopted.size()).isEqualTo(3);
        assertThat(ByteString.adopt(new byte[0])).isEqualTo(ByteString.of(new byte[0]));
    }

    @Test
    void copiesIntoATargetAtAnOffset() {
        byte[] target = new byte[6];

        ByteString.of(new byte[] {7, 8, 9}).copyTo(target, 2);

        assertThat(target).containsExactly(0, 0, 7, 8, 9, 0);
    }

    @Test
    void feedsADigestTheSameBytesItHolds() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");

        ByteString.of("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).updateDigest(digest);

        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void givesABufferThatCannotChangeItsBytes() {
        ByteString bytes = ByteString.of(new byte[] {1, 2});
        ByteBuffer buffer = bytes.asReadOnlyBuffer();

        assertThat(buffer.remaining()).isEqualTo(2);
        assertThat(buffer.get(1)).isEqualTo((byte) 2);
        assertThatThrownBy(() -> buffer.put(0, (byte) 9)).isInstanceOf(ReadOnlyBufferException.class);
        assertThat(bytes.toByteArray()).containsExactly(1, 2);
    }

    @Test
    void aRunAdoptedInsideAnArrayHoldsOnlyThatRunAndEqualsACopyOfIt() throws Exception {
        byte[] array = {0, 1, 'a', 'b', 'c', 9};

        ByteString run = ByteString.adopt(array, 2, 3);
        ByteString copy = ByteString.of(new byte[] {'a', 'b', 'c'});
        byte[] target = new byte[4];
        run.copyTo(target, 1);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        run.updateDigest(digest);

        assertThat(run).isEqualTo(copy).hasSameHashCodeAs(copy);
        assertThat(run.size()).isEqualTo(3);
        assertThat(run.toByteArray()).containsExactly('a', 'b', 'c');
        assertThat(run.hex()).isEqualTo("616263");
        assertThat(run.base64()).isEqualTo("YWJj");
        assertThat(run.sameAs(copy)).isTrue();
        assertThat(target).containsExactly(0, 'a', 'b', 'c');
        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(run.asReadOnlyBuffer().remaining()).isEqualTo(3);
        assertThat(run.asReadOnlyBuffer().get(0)).isEqualTo((byte) 'a');
    }

    @Test
    void aSliceSharesTheBytesAndDiffersFromTheWholeByContent() {
        ByteString whole = ByteString.of(new byte[] {5, 6, 7, 8});

        ByteString middle = whole.slice(1, 3);

        assertThat(middle).isEqualTo(ByteString.of(new byte[] {6, 7})).isNotEqualTo(whole);
        assertThat(middle.slice(1, 2).toByteArray()).containsExactly(7);
        assertThat(whole.slice(0, 4)).isSameAs(whole);
        assertThat(whole.slice(2, 2).size()).isZero();
        assertThatThrownBy(() -> whole.slice(3, 5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ByteString.adopt(new byte[2], 1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
