package io.gridside.link.auth;

/**
 * Why a gateway refuses a hello's credential, with the stable code its ErrorReply carries. The codes are
 * written out, never derived from the constants' names, so that renaming one cannot change the wire.
 */
public enum Refusal {

    /** The credential's bytes are not a credential in deterministic CBOR. */
    CREDENTIAL_MALFORMED("AUTH_CREDENTIAL_MALFORMED"),
    /** The operator key that the credential names is not among those the gateway trusts. */
    UNKNOWN_OPERATOR("AUTH_UNKNOWN_OPERATOR"),
    /** The signature is not the named operator key's signature of the credential. */
    BAD_SIGNATURE("AUTH_BAD_SIGNATURE"),
    /** The gateway's clock is before the credential's notBefore. */
    NOT_YET_VALID("AUTH_NOT_YET_VALID"),
    /** The gateway's clock is at or past the credential's notAfter. */
    EXPIRED("AUTH_EXPIRED"),
    /** The credential does not cover the gateway's site. */
    WRONG_SITE("AUTH_WRONG_SITE"),
    /** The operator's revocation list, as the gateway holds it, names the credential's holder or key. */
    CREDENTIAL_REVOKED("AUTH_CREDENTIAL_REVOKED");

    private final String code;

    Refusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
