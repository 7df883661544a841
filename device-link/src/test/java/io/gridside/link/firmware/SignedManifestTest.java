package io.gridside.link.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SignedManifestTest {

    private final SignedManifest signed = TestImages.gateway().signed();

    @Test
    void readsBackWhatItEncodesAndStillVerifies() throws FirmwareRefusedException {
        SignedManifest read = SignedManifest.decode(signed.encode());

        assertThat(read).isEqualTo(signed);
        assertThat(read.signatureVerifies()).isTrue();
        assertThat(read.signer()).isEqualTo(TestImages.MAKER.fingerprint());
    }

    @Test
    void signsTheDomainFollowedByTheManifestsCbor() {
        byte[] expected = TestImages.MAKER.sign(concat("gridside/firmware-manifest/1\0".getBytes(
                StandardCharsets.US_ASCII), signed.manifest().encode())).toByteArray();

        assertThat(signed.signature().toByteArray()).isEqualTo(expected);
    }

    @Test
    void aSignatureOfTheBareManifestWithoutTheDomainDoesNotVerify() {
        ByteString bare = TestImages.MAKER.sign(signed.manifest().encode());

        assertThat(new SignedManifest(signed.manifest(), signed.publicKey(), bare).signatureVerifies()).isFalse();
    }

    @Test
    void aManifestChangedAfterSigningNoLongerVerifies() {
        FirmwareManifest changed = TestImages.withVersion(signed.manifest(), "gw-9.9.9");

        assertThat(new SignedManifest(changed, signed.publicKey(), signed.signature()).signatureVerifies())
                .isFalse();
    }

    @Test
    void refusesAManifestWithAnEmptySignatureAsUnsigned() {
        byte[] unsigned = new SignedManifest(signed.manifest(), ByteString.of(new byte[0]),
                ByteString.of(new byte[0])).encode();

        assertRefused(() -> SignedManifest.decode(unsigned), FirmwareRefusal.UNSIGNED, "nobody signed");
    }

    @Test
    void refusesAManifestWithNoSignatureFieldAsUnsigned() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("manifest", signed.manifest().encode());

        assertRefused(() -> SignedManifest.decode(DeterministicCbor.encode(map)), FirmwareRefusal.UNSIGNED,
                "nobody signed");
    }

    @Test
    void refusesBytesThatAreNoCborAsDamaged() {
        assertRefused(() -> SignedManifest.decode(new byte[] {(byte) 0xff, 1, 2}), FirmwareRefusal.DAMAGED,
                "not deterministic CBOR");
    }

    @Test
    void refusesAFieldItDoesNotKnowAsDamaged() {
        Map<String, Object> map = fields();
        map.put("comment", "trust me");

        assertRefused(() -> SignedManifest.decode(DeterministicCbor.encode(map)), FirmwareRefusal.DAMAGED,
                "the field comment");
    }

    @Test
    void refusesAManifestThatCarriesFieldsBeyondItsEncodingAsDamaged() {
        Map<String, Object> manifest = castKeys((Map<?, ?>) DeterministicCbor.decode(signed.manifest().encode()));
        manifest.put("bootloader", "unlocked");
        Map<String, Object> map = fields();
        map.put("manifest", DeterministicCbor.encode(manifest));

        assertRefused(() -> SignedManifest.decode(DeterministicCbor.encode(map)), FirmwareRefusal.DAMAGED,
                "fields this version does not know");
    }

    @Test
    void refusesASignatureOfTheWrongLengthAsDamaged() {
        Map<String, Object> map = fields();
        map.put("signature", Arrays.copyOf(signed.signature().toByteArray(), 63));

        assertRefused(() -> SignedManifest.decode(DeterministicCbor.encode(map)), FirmwareRefusal.DAMAGED,
                "wrong length");
    }

    @Test
    void refusesAManifestWhoseFieldsBreakTheirRulesAsDamaged() {
        Map<String, Object> map = fields();
        map.put("manifest", DeterministicCbor.encode(Map.of("product", "TOASTER")));

        assertRefused(() -> SignedManifest.decode(DeterministicCbor.encode(map)), FirmwareRefusal.DAMAGED,
                "does not read");
    }

    private Map<String, Object> fields() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("manifest", signed.manifest().encode());
        map.put("publicKey", signed.publicKey());
        map.put("signature", signed.signature());
        return map;
    }

    private static Map<String, Object> castKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put((String) key, value));
        return copy;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static void assertRefused(ThrowingCallable call, FirmwareRefusal refusal, String words) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FirmwareRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(refusal)).hasMessageContaining(words);
    }
}
