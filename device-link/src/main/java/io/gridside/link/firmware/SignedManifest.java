package io.gridside.link.firmware;

import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.cbor.CborException;
import io.gridside.site.cbor.DeterministicCbor;
import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareRefusal;
import io.gridside.site.firmware.FirmwareRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A firmware manifest with its maker's Ed25519 signature and the public key that made it, as an image file and
 * an offer to the gateway carry it. The signature covers {@link #DOMAIN} followed by the manifest's deterministic
 * CBOR, so no other signed structure of the project can pass for a manifest.
 *
 * <p>Encoded as deterministic CBOR: {@code {"manifest": bytes of the manifest's CBOR, "publicKey": 32 bytes,
 * "signature": 64 bytes}}. A manifest that has not been signed carries an empty signature.
 *
 * @param publicKey the raw 32-byte Ed25519 key that signed, or empty when unsigned
 * @param signature the 64-byte signature, or empty when unsigned
 */
public record SignedManifest(FirmwareManifest manifest, ByteString publicKey, ByteString signature) {

    /** What the signed bytes begin with: the ASCII of {@code gridside/firmware-manifest/1} and a zero byte. */
    public static final ByteString DOMAIN = ByteString.of(
            "gridside/firmware-manifest/1\0".getBytes(StandardCharsets.US_ASCII));
    private static final Set<String> FIELDS = Set.of("manifest", "publicKey", "signature");

    public SignedManifest {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signature, "signature");
    }

    /** Signs {@code manifest} with the maker's {@code key}. */
    public static SignedManifest sign(FirmwareManifest manifest, SigningKey key) {
        return new SignedManifest(manifest, key.publicKey(), key.sign(signedBytes(manifest)));
    }

    /** The bytes a maker signs for {@code manifest}: {@link #DOMAIN} and then the manifest's CBOR. */
    public static byte[] signedBytes(FirmwareManifest manifest) {
        byte[] domain = DOMAIN.toByteArray();
        byte[] cbor = manifest.encode();
        byte[] signed = Arrays.copyOf(domain, domain.length + cbor.length);
        System.arraycopy(cbor, 0, signed, domain.length, cbor.length);
        return signed;
    }

    /** Whether the signature is {@link #publicKey}'s over this manifest; an unsigned manifest verifies nothing. */
    public boolean signatureVerifies() {
        return Ed25519.verify(publicKey, signedBytes(manifest), signature);
    }

    /** The signing key's fingerprint, as {@code SHA256:...}, or null when unsigned. */
    public String signer() {
        return publicKey.size() == 0 ? null : Ed25519.fingerprint(publicKey);
    }

    /** The deterministic CBOR of this signed manifest, as files and offers carry it. */
    public byte[] encode() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("manifest", manifest.encode());
        map.put("publicKey", publicKey);
        map.put("signature", signature);
        return DeterministicCbor.encode(map);
    }

    /**
     * Reads what {@link #encode} wrote. The signature is not checked here: see {@link FirmwareCheck}.
     *
     * @throws FirmwareRefusedException with {@code UNSIGNED} when the manifest carries no signature or no key, and
     *     with {@code DAMAGED} when the bytes are no signed manifest in deterministic CBOR
     */
    public static SignedManifest decode(byte[] cbor) throws FirmwareRefusedException {
        Map<?, ?> map = map(cbor);
        ByteString manifestBytes = bytes(map, "manifest");
        ByteString publicKey = bytes(map, "publicKey");
        ByteString signature = bytes(map, "signature");
        if (manifestBytes == null) {
            throw damaged("it holds no manifest");
        }
        FirmwareManifest manifest = manifest(manifestBytes.toByteArray());
        if (signature == null || signature.size() == 0 || publicKey == null || publicKey.size() == 0) {
            throw new FirmwareRefusedException(FirmwareRefusal.UNSIGNED, "The image " + manifest.version()
                    + " carries a manifest that nobody signed, so where it came from cannot be checked. Ask its "
                    + "maker for the signed image.");
        }
        if (publicKey.size() != Ed25519.KEY_SIZE || signature.size() != Ed25519.SIGNATURE_SIZE) {
            throw damaged("its key or signature has the wrong length");
        }
        return new SignedManifest(manifest, publicKey, signature);
    }

    private static Map<?, ?> map(byte[] cbor) throws FirmwareRefusedException {
        Object decoded;
        try {
            decoded = DeterministicCbor.decode(cbor);
        } catch (CborException e) {
            throw damaged("it is not deterministic CBOR (" + e.getMessage() + ")");
        }
        if (!(decoded instanceof Map<?, ?> map)) {
            throw damaged("it is not a CBOR map");
        }
        for (Object key : map.keySet()) {
            if (!FIELDS.contains(key)) {
                throw damaged("it carries the field " + key + ", which this version does not know");
            }
        }
        return map;
    }

    private static ByteString bytes(Map<?, ?> map, String field) throws FirmwareRefusedException {
        Object value = map.get(field);
        if (value != null && !(value instanceof ByteString)) {
            throw damaged("its " + field + " is not a byte string");
        }
        return (ByteString) value;
    }

    /** The manifest, which must be exactly the bytes its own encoding gives, so nothing unsigned rides along. */
    private static FirmwareManifest manifest(byte[] bytes) throws FirmwareRefusedException {
        FirmwareManifest manifest;
        try {
            manifest = FirmwareManifest.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw damaged("its manifest does not read (" + e.getMessage() + ")");
        }
        if (!Arrays.equals(manifest.encode(), bytes)) {
            throw damaged("its manifest carries fields this version does not know");
        }
        return manifest;
    }

    private static FirmwareRefusedException damaged(String why) {
        return new FirmwareRefusedException(FirmwareRefusal.DAMAGED, "The image's signed manifest is damaged: "
                + why + ". Copy the image again from its source.");
    }
}
