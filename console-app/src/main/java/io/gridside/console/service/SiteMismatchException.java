package io.gridside.console.service;

/** A site's database was offered data of another site or gateway, and refused it. */
public final class SiteMismatchException extends RuntimeException {

    public SiteMismatchException(String message) {
        super(message);
    }
}
