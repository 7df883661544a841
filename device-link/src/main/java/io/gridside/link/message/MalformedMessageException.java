package io.gridside.link.message;

/** A frame arrived intact but its message broke the protocol: an unknown type or a payload off-schema. */
public final class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super("Message dropped: " + message + ".");
    }
}
