package io.gridside.link.client;

import io.gridside.link.auth.SignedCredential;
import java.util.Objects;

/**
 * How a console opens a session: the technician's credential, which the gateway checks, and the pinned gateway
 * keys, which the console checks.
 *
 * @param repin whether a gateway key that differs from the pin may replace it, which takes a supervisor's
 *     credential; asked for explicitly, after checking the gateway, never by default
 */
public record Authentication(SignedCredential credential, GatewayPins pins, boolean repin) {

    public Authentication {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(pins, "pins");
    }

    public static Authentication of(SignedCredential credential, GatewayPins pins) {
        return new Authentication(credential, pins, false);
    }

    /** The same, allowed to replace a site's pinned key with the key the gateway presents now. */
    public Authentication repinning() {
        return new Authentication(credential, pins, true);
    }
}
