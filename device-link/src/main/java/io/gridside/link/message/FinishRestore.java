package io.gridside.link.message;

/**
 * Asks the new gateway to apply a restore whose chunks have all arrived (section 6.32). It applies a restore
 * once; asked again, it answers that it did.
 */
public record FinishRestore(String restoreId) implements Message {
}
