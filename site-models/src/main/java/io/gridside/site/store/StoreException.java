package io.gridside.site.store;

/** A site database could not be opened, migrated, read or written. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
