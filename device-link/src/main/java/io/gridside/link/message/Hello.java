package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.List;

/**
 * The console's opening message: which protocol versions it speaks, the technician's credential, and a fresh
 * nonce that the gateway must sign to prove it holds its identity key.
 *
 * @param credential the deterministic CBOR of the technician's credential, exactly as the operator signed it
 * @param credentialSignature the operator's Ed25519 signature of {@code credential}
 * @param nonce 32 random bytes, new for every hello
 */
public record Hello(List<Integer> protocolVersions, String console, ByteString credential,
        ByteString credentialSignature, ByteString nonce) implements Message {

    public Hello {
        protocolVersions = List.copyOf(protocolVersions);
    }
}
