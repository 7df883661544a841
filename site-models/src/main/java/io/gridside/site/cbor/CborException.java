package io.gridside.site.cbor;

/** Bytes that are not deterministic CBOR, or a value that deterministic CBOR here cannot carry. */
public final class CborException extends IllegalArgumentException {

    public CborException(String message) {
        super(message);
    }
}
