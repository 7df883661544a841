package io.gridside.link.client;

import io.gridside.link.auth.SignedCredential;
import io.gridside.link.auth.SignedKeyReplacement;
import io.gridside.link.auth.SigningKey;
import java.util.Objects;

/**
 * How a console opens a session: the technician's credential, which the gateway checks, and the pinned gateway
 * keys, which the console checks.
 *
 * @param repin whether a gateway key that differs from the pin may replace it, which takes a supervisor's
 *     credential; asked for explicitly, after checking the gateway, never by default
 * @param replacement an operator-signed record of the site's new gateway key, which may replace the pin in
 *     any technician's session once it checks out; or null
 * @param technicianKey the private key that the credential names, which signs every request that moves money;
 *     null for a session that only reads
 * @param beforePin the console's check of the hello before the gateway's key is checked against the pin or pinned
 *     ({@link HelloCheck#NONE} when null)
 */
public record Authentication(SignedCredential credential, GatewayPins pins, boolean repin,
        SignedKeyReplacement replacement, SigningKey technicianKey, HelloCheck beforePin) {

    public Authentication {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(pins, "pins");
        beforePin = beforePin == null ? HelloCheck.NONE : beforePin;
        if (technicianKey != null && !technicianKey.publicKey().equals(credential.credential().technicianKey())) {
            throw new IllegalArgumentException("The key " + technicianKey.fingerprint() + " is not the one the "
                    + "credential of " + credential.technicianId() + " names.");
        }
    }

    public Authentication(SignedCredential credential, GatewayPins pins, boolean repin) {
        this(credential, pins, repin, null, null, null);
    }

    public Authentication(SignedCredential credential, GatewayPins pins, boolean repin,
            SignedKeyReplacement replacement) {
        this(credential, pins, repin, replacement, null, null);
    }

    public static Authentication of(SignedCredential credential, GatewayPins pins) {
        return new Authentication(credential, pins, false);
    }

    /** The same, allowed to replace a site's pinned key with the key the gateway presents now. */
    public Authentication repinning() {
        return new Authentication(credential, pins, true, replacement, technicianKey, beforePin);
    }

    /** The same, signing each request that moves money with {@code key}, which the credential must name. */
    public Authentication signingWith(SigningKey key) {
        return new Authentication(credential, pins, repin, replacement, key, beforePin);
    }

    /** The same, allowed to replace a site's pinned key with the one {@code record} names, if it checks out. */
    public Authentication withReplacement(SignedKeyReplacement record) {
        return new Authentication(credential, pins, repin, Objects.requireNonNull(record, "record"), technicianKey,
                beforePin);
    }

    /**
     * The same, judging the gateway's hello with {@code check} once the gateway proved its key and before that key
     * is checked against the pin or pinned, so that a session the check refuses changes no pin.
     */
    public Authentication checkingBeforePin(HelloCheck check) {
        return new Authentication(credential, pins, repin, replacement, technicianKey,
                Objects.requireNonNull(check, "check"));
    }
}
