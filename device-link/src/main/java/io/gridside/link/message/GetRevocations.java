package io.gridside.link.message;

import java.util.Objects;

/**
 * Asks which revocation list of an operator key the gateway holds (protocol section 6.29); answered by a
 * {@link RevocationsHeld} whose {@code taken} is false.
 *
 * @param operatorKeyId the operator key whose list is asked for, normally the one that signed the session's
 *     credential
 */
public record GetRevocations(String operatorKeyId) implements Message {

    public GetRevocations {
        Objects.requireNonNull(operatorKeyId, "operatorKeyId");
    }
}
