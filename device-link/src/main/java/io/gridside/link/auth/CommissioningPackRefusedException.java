package io.gridside.link.auth;

/**
 * A gateway will not take a commissioning pack: its code says which rule the pack broke (section 7 of the
 * protocol, prefix {@code COMMISSION_PACK_}), and its message is one sentence for the technician.
 */
public final class CommissioningPackRefusedException extends Exception {

    /** The pack carries no signature. */
    public static final String UNSIGNED = "COMMISSION_PACK_UNSIGNED";
    /** The bytes are not a commissioning pack. */
    public static final String MALFORMED = "COMMISSION_PACK_MALFORMED";
    /** The signature does not verify under the key the pack names: it was altered after signing. */
    public static final String ALTERED = "COMMISSION_PACK_ALTERED";
    /** The pack is for another site than the one being set up. */
    public static final String WRONG_SITE = "COMMISSION_PACK_WRONG_SITE";
    /** The gateway's clock, once set, is past the pack's end. */
    public static final String EXPIRED = "COMMISSION_PACK_EXPIRED";
    /** The gateway took a pack of another operator key first. */
    public static final String OTHER_OPERATOR = "COMMISSION_PACK_OTHER_OPERATOR";
    /** A credential in the pack is not signed by the pack's key, or is for another site. */
    public static final String BAD_CREDENTIAL = "COMMISSION_PACK_BAD_CREDENTIAL";
    /** A tariff file in the pack is not a valid tariff of the site's currency. */
    public static final String BAD_TARIFF = "COMMISSION_PACK_BAD_TARIFF";

    private static final long serialVersionUID = 1L;

    private final String code;

    public CommissioningPackRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
