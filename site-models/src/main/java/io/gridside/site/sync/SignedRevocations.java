package io.gridside.site.sync;

/**
 * An operator's revocation list as received: the signed bytes, the signature, and the serial read from them.
 *
 * @param serial the list's serial; a higher one is newer
 * @param signed the signed list bytes
 * @param signature the operator's signature over them
 */
public record SignedRevocations(long serial, byte[] signed, byte[] signature) {
}
