package io.gridside.link.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.cbor.ByteString;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SigningKeyTest {

    /** RFC 8032, section 7.1, TEST 1: a key, and its signature of the empty message. */
    private static final ByteString RFC_SEED =
            ByteString.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final ByteString RFC_PUBLIC =
            ByteString.fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final ByteString RFC_SIGNATURE = ByteString.fromHex("e5564300c360ac729086e2cc806e828a"
            + "84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    @Test
    void derivesTheRfcPublicKeyFromItsSeedAndSignsAsTheRfcDoes() {
        SigningKey key = SigningKey.fromSeed(RFC_SEED);

        assertThat(key.publicKey()).isEqualTo(RFC_PUBLIC);
        assertThat(key.seed()).isEqualTo(RFC_SEED);
        assertThat(key.sign(new byte[0])).isEqualTo(RFC_SIGNATURE);
        assertThat(Ed25519.verify(RFC_PUBLIC, new byte[0], RFC_SIGNATURE)).isTrue();
    }

    @Test
    void verifiesNothingAlteredOrMalformed() {
        SigningKey key = SigningKey.generate();
        byte[] message = "top-up 500 KES".getBytes(StandardCharsets.UTF_8);
        ByteString signature = key.sign(message);
        byte[] tampered = signature.toByteArray();
        tampered[10] ^= 1;

        assertThat(Ed25519.verify(key.publicKey(), message, signature)).isTrue();
        assertThat(Ed25519.verify(key.publicKey(), "top-up 900 KES".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(Ed25519.verify(key.publicKey(), message, ByteString.of(tampered))).isFalse();
        assertThat(Ed25519.verify(SigningKey.generate().publicKey(), message, signature)).isFalse();
        assertThat(Ed25519.verify(ByteString.fromHex("00"), message, signature)).isFalse();
        assertThat(Ed25519.verify(key.publicKey(), message, ByteString.fromHex("00"))).isFalse();
    }

    @Test
    void refusesASeedOfTheWrongSize() {
        assertThatThrownBy(() -> SigningKey.fromSeed(ByteString.fromHex("0102")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void printsAFingerprintAsSha256InGroupsOfFourHexDigits() {
        // The SHA-256 of the RFC's public key, computed apart from this code.
        assertThat(Ed25519.fingerprint(RFC_PUBLIC)).isEqualTo("SHA256:21fe 31df a154 a261 626b f854 046f d227 "
                + "1b7b ed4b 6abe 45aa 5887 7ef4 7f97 21b9");
    }
}
