package io.gridside.console.service.sync;

/** Failed requests to the cloud as the client throws them, for the tests of the screens that word them. */
public final class CloudFailures {

    private CloudFailures() {
    }

    /** A cloud whose certificate is not the pinned one. */
    public static CloudException pinMismatch() {
        return CloudException.sessionRefused("pin_mismatch", "The cloud's certificate (CN=cloud) is not the one "
                + "pinned for this site.", null);
    }

    /** A cloud address at which nothing answered. */
    public static CloudException unreachable() {
        return CloudException.retryable(CloudException.UNREACHABLE, "Nothing answered at https://127.0.0.1:9: check "
                + "the address, or the cloud or this laptop's network may be down.", null);
    }

    /** A refusal of the cloud's own, with a code the console has no sentence for. */
    public static CloudException cloudsOwn() {
        return new CloudException(CloudException.Kind.SESSION_REFUSED, 403, "laptop_reported_lost", "This laptop "
                + "was reported lost.", null, -1, -1, null);
    }
}
