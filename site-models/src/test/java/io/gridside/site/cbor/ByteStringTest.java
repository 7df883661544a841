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
}
