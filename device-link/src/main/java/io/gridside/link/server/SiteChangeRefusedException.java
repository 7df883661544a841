package io.gridside.link.server;

/**
 * The gateway will not exchange a meter or move a customer in or out: its code says which rule the request broke
 * (section 7 of the protocol), and its message is one sentence for the technician.
 */
public final class SiteChangeRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;

    public SiteChangeRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
