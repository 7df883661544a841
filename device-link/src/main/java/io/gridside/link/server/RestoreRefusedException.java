package io.gridside.link.server;

/**
 * The gateway will not take a restore step: its code, which begins {@code REPLACE_}, says which rule the request
 * broke (section 7 of the protocol), and its message is one sentence for the technician.
 */
public final class RestoreRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public RestoreRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
