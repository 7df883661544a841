package io.gridside.link.auth;

/** A credential the gateway will not accept: why, as a code, and one sentence for the technician. */
public final class CredentialRefusedException extends Exception {

    private final Refusal refusal;

    public CredentialRefusedException(Refusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The code an ErrorReply carries. */
    public String code() {
        return refusal.code();
    }
}
