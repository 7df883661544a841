package io.gridside.link.client;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedKeyReplacement;
import java.util.Objects;

/**
 * How a console opens a session: the technician's credential, which the gateway checks, and the pinned gateway
 * keys, which the console checks.
 *
 * @param repin whether a gateway key that differs from the pin may replace it, which takes a supervisor's
 *     credential; asked for explicitly, after checking the gateway, never by default
 * @param replacement an operator-signed record of the site's new gateway key, which may replace the pin in
 *     any technician's session once it checks out; or null
 */
public record Authentication(SignedCredential credential, GatewayPins pins, boolean repin,
        SignedKeyReplacement replacement) {

    public Authentication {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(pins, "pins");
    }

    public Authentication(SignedCredential credential, GatewayPins pins, boolean repin) {
        this(credential, pins, repin, null);
    }

    public static Authentication of(SignedCredential credential, GatewayPins pins) {
        return new Authentication(credential, pins, false);
    }

    /** The same, allowed to replace a site's pinned key with the key the gateway presents now. */
    public Authentication repinning() {
        return new Authentication(credential, pins, true, replacement);
    }

    /** The same, allowed to replace a site's pinned key with the one {@code record} names, if it checks out. */
    public Authentication withReplacement(SignedKeyReplacement record) {
        return new Authentication(credential, pins, repin, Objects.requireNonNull(record, "record"));
    }
}
