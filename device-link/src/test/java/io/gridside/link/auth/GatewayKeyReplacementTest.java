package io.gridside.link.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.testing.SampleMessages;
import io.gridside.link.testing.TestCredentials;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The signed record of a gateway's new key: its bytes, and what its decoding refuses, field by field. */
class GatewayKeyReplacementTest {

    private static final SignedKeyReplacement SAMPLE = TestCredentials.keyReplacement();

    @Test
    void decodesTheExactRecordItEncoded() {
        GatewayKeyReplacement record = SAMPLE.replacement();

        assertThat(GatewayKeyReplacement.decode(record.encode())).isEqualTo(record);
        assertThat(record.replaces(SampleMessages.GATEWAY_KEY.publicKey())).isTrue();
        assertThat(record.replaces(TestCredentials.REPLACEMENT_GATEWAY_KEY.publicKey())).isFalse();
        assertThat(record.replacedFingerprint()).isEqualTo(SampleMessages.GATEWAY_KEY.fingerprint());
    }

    @Test
    void theOperatorsSignatureVerifiesAndAChangedByteDoesNot() {
        byte[] altered = SAMPLE.signed().toByteArray();
        altered[altered.length - 1] ^= 1;

        assertThat(SAMPLE.signatureVerifies()).isTrue();
        assertThat(new SignedKeyReplacement(SAMPLE.replacement(), ByteString.of(altered), SAMPLE.signature(),
                SAMPLE.operatorKey()).signatureVerifies()).isFalse();
    }

    @Test
    void refusesBytesThatAreNotAKeyReplacementRecord() {
        assertRefused(DeterministicCbor.encode("a text"), "is a CBOR map");
        assertRefused(DeterministicCbor.encode(TestCredentials.technician().credential().toCbor()), "type");
        assertRefused(new byte[] {(byte) 0xa1, 0x61}, "");
    }

    @Test
    void refusesAFieldThisVersionDoesNotKnow() {
        assertRefusedWith(map -> map.put("maxUses", 1L), "maxUses");
    }

    @Test
    void refusesEachMissingField() {
        for (String field : new String[] {"siteId", "gatewayId", "gatewayKey", "replacedKeySha256", "issuedAt",
            "notAfter", "reason", "operatorKeyId"}) {
            assertRefusedWith(map -> map.remove(field), field);
        }
    }

    @Test
    void refusesFieldsOfTheWrongTypeOrSize() {
        assertRefusedWith(map -> map.put("siteId", 42L), "siteId");
        assertRefusedWith(map -> map.put("gatewayKey", SampleMessages.GATEWAY_KEY.publicKey().base64()),
                "gatewayKey");
        assertRefusedWith(map -> map.put("gatewayKey", ByteString.of(new byte[31])), "gatewayKey must be 32 bytes");
        assertRefusedWith(map -> map.put("replacedKeySha256", ByteString.of(new byte[20])), "replacedKeySha256");
        assertRefusedWith(map -> map.put("reason", " "), "reason");
    }

    @Test
    void refusesInstantsNotWrittenAsUtcIso8601() {
        assertRefusedWith(map -> map.put("issuedAt", "2024-05-01T11:00:00+03:00"), "issuedAt");
        assertRefusedWith(map -> map.put("notAfter", "2024-05-08T08:00:00.000Z"), "notAfter");
        assertRefusedWith(map -> map.put("notAfter", "next week"), "notAfter");
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        assertRefusedWith(map -> map.put("notAfter", TestCredentials.RECORD_ISSUED_AT.toString()), "before");
    }

    @Test
    void refusesARecordWhoseNewKeyIsTheKeyItReplaces() {
        ByteString key = SampleMessages.GATEWAY_KEY.publicKey();

        assertThatThrownBy(() -> TestCredentials.replacement(SampleMessages.GATEWAY_ID, key, key,
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replaces");
    }

    @Test
    void anOperatorKeySignsOnlyRecordsThatNameIt() {
        assertThatThrownBy(() -> TestCredentials.STRANGER.sign(SAMPLE.replacement()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test-operator");
    }

    private static void assertRefusedWith(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> map = SAMPLE.replacement().toCbor();
        change.accept(map);

        assertRefused(DeterministicCbor.encode(map), field);
    }

    private static void assertRefused(byte[] cbor, String message) {
        assertThatThrownBy(() -> GatewayKeyReplacement.decode(cbor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
