package io.gridside.site.firmware;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one install of a gateway image ended, as the console keeps it: confirmed after its health checks, or
 * reverted and why.
 *
 * @param at when the gateway reported the outcome, by its clock
 * @param version the image's version
 * @param confirmed true when the new image passed its health checks and runs; false when the gateway reverted
 * @param reason for a revert, what failed, in a sentence; for a confirm, empty
 * @param checks every health check of the trial boot, in the order run
 */
public record GatewayInstall(Instant at, String version, boolean confirmed, String reason, List<Check> checks) {

    public GatewayInstall {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        checks = List.copyOf(checks);
    }

    /** One health check of the trial boot, such as {@code mesh-radio} or {@code meter-read}. */
    public record Check(String name, boolean passed, String detail) {

        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
