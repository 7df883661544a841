package io.gridside.link.server;

/**
 * The gateway will not take the tariff version pushed: its code says which rule the request broke (section 6.22
 * of the protocol), and its message is one sentence for the supervisor, naming the tariff's field when the
 * version itself is at fault.
 */
public final class TariffPushRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public TariffPushRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
