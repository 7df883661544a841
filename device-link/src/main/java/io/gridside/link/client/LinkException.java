package io.gridside.link.client;

import java.io.IOException;

/** The gateway could not be reached, refused the session, or stopped answering. */
public final class LinkException extends IOException {

    /** What went wrong, as a code the technician can read out to support. */
    public enum Code {
        /** Nothing answered at the address, or the device could not be opened. */
        UNREACHABLE,
        /** Something answered, but not as a Gridside gateway. */
        NOT_A_GATEWAY,
        /** The gateway refused the technician's credential or the protocol version. */
        REFUSED,
        /** The gateway did not prove it holds the key it presents, or its key could not be checked. */
        GATEWAY_UNVERIFIED,
        /** The site's gateway presents another key than the one pinned for the site. */
        GATEWAY_KEY_CHANGED,
        /** No key is pinned for the site yet, and the credential may not pin the first. */
        GATEWAY_NOT_PINNED,
        /** The gateway stopped answering within the time allowed. */
        TIMEOUT,
        /** The link dropped. */
        CLOSED,
        /** The gateway refused a request that the session's role does not allow. */
        FORBIDDEN,
        /** The gateway answered a request with an error. */
        GATEWAY_ERROR,
        /**
         * A stream did not add up: fewer items arrived than the gateway's end counts, or ledger entries skip a
         * number. The link resends what the line loses, so this is the gateway's doing; pulling again may
         * fetch it whole.
         */
        INCOMPLETE
    }

    private final Code code;
    private final String gatewayCode;

    public LinkException(Code code, String message) {
        super(message);
        this.code = code;
        this.gatewayCode = null;
    }

    public LinkException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.gatewayCode = null;
    }

    private LinkException(Code code, String message, String gatewayCode) {
        super(message);
        this.code = code;
        this.gatewayCode = gatewayCode;
    }

    /** The gateway's answer of an error reply, with the gateway's own code kept beside the console's. */
    public static LinkException fromGateway(Code code, String message, String gatewayCode) {
        return new LinkException(code, message, gatewayCode);
    }

    public Code code() {
        return code;
    }

    /** The code of the gateway's error reply, such as {@code TOPOLOGY_OUT_OF_RANGE}, or null when none came. */
    public String gatewayCode() {
        return gatewayCode;
    }

    /**
     * The gateway at {@code address} holds the site's ledger only from {@code firstSeq} on, as one that took a dead
     * gateway's chain over without its ledger does (a firmware without {@code restore-ledger}, section 6.41), and was
     * asked for all of it: a database that holds none of the chain cannot check where it continues.
     */
    public static LinkException chainTakenOver(String address, long firstSeq) {
        return new LinkException(Code.INCOMPLETE, "The gateway at " + address + " holds the site's ledger only from "
                + "entry " + firstSeq + " on, as a gateway that replaced a dead one does, so a site database that "
                + "holds none of the ledger cannot follow its chain; copy the site database of the console that "
                + "replaced the gateway and pull into that copy.");
    }
}
