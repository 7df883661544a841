package io.gridside.sim.cloud;

import io.gridside.site.sync.api.ApiError;

/** A request the simulated cloud refuses: the HTTP status and the error body it answers. */
final class CloudException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ApiError error;

    CloudException(int status, String code, String message) {
        this(status, ApiError.of(code, message));
    }

    CloudException(int status, ApiError error) {
        super(error.error() + ": " + error.message());
        this.status = status;
        this.error = error;
    }

    int status() {
        return status;
    }

    ApiError error() {
        return error;
    }
}
