package io.gridside.link.message;

/**
 * Asks which payments the gateway credited as imported from a file (by a {@link PostPayments}), so that a console's
 * audit can tell them from mobile money, which no technician signs; answered by one {@link PaymentsPosted} that
 * lists each such payment's reference as {@code CREDITED}.
 */
public record GetImportedPayments() implements Message {
}
