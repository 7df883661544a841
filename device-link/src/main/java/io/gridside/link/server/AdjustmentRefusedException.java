package io.gridside.link.server;

/**
 * The gateway will not post the corrections asked for: its code says which rule the request broke (section 6.18
 * of the protocol), and its message is one sentence for the supervisor.
 */
public final class AdjustmentRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public AdjustmentRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
