package io.gridside.site.store;

/**
 * What storing a batch of raw register reads did with it.
 *
 * @param stored reads new to the store
 * @param duplicates reads held already, exactly the same, and ignored
 * @param conflicts reads of a meter and time held already with another register, sent to the exceptions queue
 */
public record RawReadsStored(int stored, int duplicates, int conflicts) {
}
