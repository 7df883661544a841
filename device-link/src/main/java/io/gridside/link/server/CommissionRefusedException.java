package io.gridside.link.server;

/**
 * The gateway will not take a commissioning request: its code says which rule the request broke (section 7 of the
 * protocol, prefix {@code COMMISSION_}), and its message is one sentence for the technician.
 */
public final class CommissionRefusedException extends Exception {

    /** A request other than a setup, or a setup's site, while the gateway has no site. */
    public static final String NOT_SET_UP = "COMMISSION_NOT_SET_UP";
    /** The session's credential is not one the pack's operator key signed for the site. */
    public static final String CREDENTIAL_REFUSED = "COMMISSION_CREDENTIAL_REFUSED";
    /** A setup for another site than the one the gateway was set up for. */
    public static final String SITE_CHANGED = "COMMISSION_SITE_CHANGED";
    /** No meter of that serial has joined the mesh. */
    public static final String UNKNOWN_METER = "COMMISSION_UNKNOWN_METER";
    /** The meter was given to another customer already. */
    public static final String METER_TAKEN = "COMMISSION_METER_TAKEN";
    /** The meter is not of the type the customer's category needs: a MILL runs on a three-phase meter. */
    public static final String METER_TYPE = "COMMISSION_METER_TYPE";
    /** The customer was commissioned before with another meter, tariff, name or balance. */
    public static final String CUSTOMER_CHANGED = "COMMISSION_CUSTOMER_CHANGED";
    /** The tariff is not one of the pack's. */
    public static final String UNKNOWN_TARIFF = "COMMISSION_UNKNOWN_TARIFF";
    /** An opening balance below zero. */
    public static final String BAD_BALANCE = "COMMISSION_BAD_BALANCE";
    /** Go-live with no customer commissioned. */
    public static final String NO_CUSTOMER = "COMMISSION_NO_CUSTOMER";
    /** A change of customers after go-live, when only moves and exchanges change them. */
    public static final String LIVE = "COMMISSION_LIVE";
    /** A commissioning request to a gateway that was never factory-fresh in this way. */
    public static final String NOT_COMMISSIONABLE = "COMMISSION_NOT_COMMISSIONABLE";

    private static final long serialVersionUID = 1L;

    private final String code;

    public CommissionRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
