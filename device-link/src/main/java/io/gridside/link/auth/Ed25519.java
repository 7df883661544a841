package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ed25519 public keys as the link carries them (the raw 32 bytes of RFC 8032), their verification and their
 * fingerprints. Signing needs a private key: see {@link SigningKey}.
 */
public final class Ed25519 {

    /** The size of a public key and of a private key's seed. */
    public static final int KEY_SIZE = 32;
    public static final int SIGNATURE_SIZE = 64;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), which the JDK's key factory reads. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519() {
    }

    /**
     * Whether {@code signature} is {@code publicKey}'s signature of {@code message}. A key or signature of the
     * wrong size, or a key that is not a point of the curve, verifies nothing.
     */
    public static boolean verify(ByteString publicKey, byte[] message, ByteString signature) {
        if (publicKey.size() != KEY_SIZE || signature.size() != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(toPublicKey(publicKey));
            verifier.update(message);
            return verifier.verify(signature.toByteArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The SHA-256 of the raw key, as {@code SHA256:} and sixteen groups of four hex digits. */
    public static String fingerprint(ByteString publicKey) {
        return fingerprintOfDigest(keyDigest(publicKey));
    }

    /** The SHA-256 of the raw key: what a fingerprint spells out. */
    public static ByteString keyDigest(ByteString publicKey) {
        return ByteString.of(sha256(publicKey.toByteArray()));
    }

    /** A key's SHA-256 written as {@link #fingerprint} writes it. */
    public static String fingerprintOfDigest(ByteString digest) {
        String hex = HexFormat.of().formatHex(digest.toByteArray());
        StringBuilder text = new StringBuilder("SHA256:");
        for (int i = 0; i < hex.length(); i += 4) {
            text.append(i == 0 ? "" : " ").append(hex, i, i + 4);
        }
        return text.toString();
    }

    /**
     * The SHA-256 that a fingerprint spells out. The {@code SHA256:} prefix and the spaces between groups may be
     * left out, so a fingerprint read out over the phone and typed as one run of hex digits reads too.
     *
     * @throws IllegalArgumentException when the text is not 64 hex digits, with or without the prefix
     */
    public static ByteString parseFingerprint(String text) {
        String hex = text.strip();
        if (hex.regionMatches(true, 0, "SHA256:", 0, "SHA256:".length())) {
            hex = hex.substring("SHA256:".length());
        }
        hex = hex.replace(" ", "");
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("A key's fingerprint is SHA256: and 64 hex digits, not '" + text
                    + "'.");
        }
        return ByteString.fromHex(hex);
    }

    static PublicKey toPublicKey(ByteString raw) throws GeneralSecurityException {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_SIZE);
        System.arraycopy(raw.toByteArray(), 0, encoded, X509_PREFIX.length, KEY_SIZE);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    static ByteString raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return ByteString.of(Arrays.copyOfRange(encoded, encoded.length - KEY_SIZE, encoded.length));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
