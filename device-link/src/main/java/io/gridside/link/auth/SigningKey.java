package io.gridside.link.auth;

import io.gridside.site.cbor.ByteString;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An Ed25519 key pair that signs: an operator's key, or a gateway's identity key. Ed25519 signatures are
 * deterministic, so the same key and message always give the same signature. Immutable and thread-safe.
 */
public final class SigningKey {

    private final KeyPair pair;
    private final ByteString publicKey;

    private SigningKey(KeyPair pair) {
        this.pair = pair;
        this.publicKey = Ed25519.raw(pair.getPublic());
    }

    /** A new key from the system's strong random source. */
    public static SigningKey generate() {
        return new SigningKey(generator(new SecureRandom()).generateKeyPair());
    }

    /**
     * The key whose private part is the 32-byte {@code seed} of RFC 8032, as key files store it.
     *
     * <p>Java 17 has no call that derives an Ed25519 public key from a private one, but its key generator draws
     * the private key as 32 bytes from the random source it is given; so a source that hands out the seed
     * yields the pair. The result is checked, so a runtime that draws differently fails here and not later.
     */
    public static SigningKey fromSeed(ByteString seed) {
        if (seed.size() != Ed25519.KEY_SIZE) {
            throw new IllegalArgumentException("An Ed25519 private key is 32 bytes, this one is " + seed.size() + ".");
        }
        KeyPair pair = generator(new SeedSource(seed.toByteArray())).generateKeyPair();
        SigningKey key = new SigningKey(pair);
        if (!key.seed().equals(seed)) {
            throw new IllegalStateException("This Java runtime does not derive Ed25519 keys from a seed as "
                    + "expected; the key cannot be loaded.");
        }
        return key;
    }

    private static KeyPairGenerator generator(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, random);
            return generator;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime has no Ed25519.", e);
        }
    }

    /** The raw 32-byte public key. */
    public ByteString publicKey() {
        return publicKey;
    }

    /** The 32-byte private seed, for writing a key file. */
    public ByteString seed() {
        return ((EdECPrivateKey) pair.getPrivate()).getBytes().map(ByteString::of)
                .orElseThrow(() -> new IllegalStateException("The private key's bytes cannot be read."));
    }

    public ByteString sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            return ByteString.of(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("An Ed25519 signature could not be made.", e);
        }
    }

    public String fingerprint() {
        return Ed25519.fingerprint(publicKey);
    }

    @Override
    public String toString() {
        return "SigningKey[" + fingerprint() + "]";
    }

    /** A random source that gives out one fixed seed, once; see {@link #fromSeed}. */
    private static final class SeedSource extends SecureRandom {

        private byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("The key generator asked for other random bytes than a seed.");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            Arrays.fill(seed, (byte) 0);
            seed = null;
        }
    }
}
