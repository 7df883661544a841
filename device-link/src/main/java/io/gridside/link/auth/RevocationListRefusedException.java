package io.gridside.link.auth;

/** A revocation list that is not kept: why, as a code an ErrorReply carries, and one sentence for the technician. */
public final class RevocationListRefusedException extends Exception {

    /** The bytes are not a revocation list in deterministic CBOR. */
    public static final String MALFORMED = "REVOCATIONS_MALFORMED";
    /** The operator key that the list names is not among those trusted. */
    public static final String UNKNOWN_OPERATOR = "REVOCATIONS_UNKNOWN_OPERATOR";
    /** The signature is not the named operator key's signature of the list. */
    public static final String BAD_SIGNATURE = "REVOCATIONS_BAD_SIGNATURE";

    private final String code;

    public RevocationListRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The code an ErrorReply carries. */
    public String code() {
        return code;
    }
}
