package io.gridside.link.auth;

/**
 * Why a gateway refuses a request that moves money, before it looks at the request itself, with the stable code
 * its ErrorReply carries. The codes are written out, never derived from the constants' names.
 */
public enum CommandRefusal {

    /** The session's credential names no key of its holder (a credential of the first version). */
    KEYLESS_CREDENTIAL("COMMAND_KEYLESS_CREDENTIAL"),
    /** The request came bare, not as a signed command. */
    UNSIGNED("COMMAND_UNSIGNED"),
    /** The command's bytes are not a command, or hold a request that does not move money or fit its schema. */
    MALFORMED("COMMAND_MALFORMED"),
    /** The signature is not the session credential's key's signature of the command. */
    BAD_SIGNATURE("COMMAND_BAD_SIGNATURE"),
    /** The command names another credential than the session's. */
    WRONG_CREDENTIAL("COMMAND_WRONG_CREDENTIAL"),
    /** The command names another site or gateway than this one. */
    WRONG_GATEWAY("COMMAND_WRONG_GATEWAY"),
    /** The command was issued outside its credential's window of validity. */
    OUTSIDE_CREDENTIAL("COMMAND_OUTSIDE_CREDENTIAL"),
    /** The gateway took a command with this nonce before. */
    REPLAYED("COMMAND_REPLAYED");

    private final String code;

    CommandRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
