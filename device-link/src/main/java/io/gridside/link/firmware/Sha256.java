package io.gridside.link.firmware;

import io.gridside.site.cbor.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a run of bytes, as manifests state images and chunks. */
final class Sha256 {

    private Sha256() {
    }

    static ByteString of(byte[] bytes, int offset, int length) {
        MessageDigest digest = digest();
        digest.update(bytes, offset, length);
        return ByteString.adopt(digest.digest());
    }

    static ByteString of(ByteString bytes) {
        MessageDigest digest = digest();
        bytes.updateDigest(digest);
        return ByteString.adopt(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
