package io.gridside.link.message;

/**
 * A refusal or failure of a request.
 *
 * @param code a stable code that support can look up, such as {@code AUTH_REFUSED}
 * @param message one sentence for the technician
 */
public record ErrorReply(String code, String message) implements Message {
}
