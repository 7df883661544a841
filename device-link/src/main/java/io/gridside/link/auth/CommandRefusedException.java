package io.gridside.link.auth;

/** A command that moves money the gateway will not take: why, as a code, and one sentence for the technician. */
public final class CommandRefusedException extends Exception {

    private final CommandRefusal refusal;

    public CommandRefusedException(CommandRefusal refusal, String message) {
        super(message);
        this.refusal = refusal;
    }

    public CommandRefusal refusal() {
        return refusal;
    }

    /** The code an ErrorReply carries. */
    public String code() {
        return refusal.code();
    }
}
