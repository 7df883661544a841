package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * Gives the gateway an operator's signed revocation list (protocol section 6.29), which any technician's session
 * may carry: the operator's signature, not the sender's role, is what the gateway trusts. The gateway keeps the
 * list when its operator key is trusted, its signature holds and its serial is above the one it holds, and answers
 * with a {@link RevocationsHeld}: an older or equal serial is answered with the serial held, not refused.
 *
 * @param signed the deterministic CBOR of the list, exactly as the operator signed it
 * @param signature the operator key's Ed25519 signature of {@code signed}
 */
public record PushRevocations(ByteString signed, ByteString signature) implements Message {

    /** The capability a gateway that keeps revocation lists names in its hello. */
    public static final String CAPABILITY = "revocations";

    public PushRevocations {
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(signature, "signature");
    }
}
