package io.gridside.link.firmware;

import io.gridside.site.cbor.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a run of bytes, as manifests state images and chunks. */
final class Sha256 {

    private Sha256() {
    }

    static ByteString of(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return ByteString.of(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }
}
