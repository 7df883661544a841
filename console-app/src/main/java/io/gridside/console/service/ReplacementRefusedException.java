package io.gridside.console.service;

/**
 * The console will not restore a replacement gateway: its code, which begins {@code REPLACE_}, names the rule,
 * and its message is one sentence for the technician that says what to do.
 */
public final class ReplacementRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public ReplacementRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
