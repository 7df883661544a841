package io.gridside.site.sync;

/**
 * A technician credential received from the cloud: the signed CBOR and the operator's signature, as issued.
 *
 * @param technicianId the technician, its key in the store
 * @param signed the signed credential bytes
 * @param signature the operator's signature over them
 */
public record ReceivedCredential(String technicianId, byte[] signed, byte[] signature) {
}
