package io.gridside.site.vee;

import java.time.Instant;
import java.util.Objects;

/**
 * A raw read held back from billing, with the rule it broke and the figures that show it, waiting in the
 * exceptions queue for a technician.
 *
 * @param read the read as it arrived
 * @param rule the rule it broke
 * @param detail the figures, in a sentence: what was expected and what came
 */
public record ReadException(RawRead read, ReadRule rule, String detail) {

    public ReadException {
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(rule, "rule");
        detail = VeeChecks.text("detail", detail);
    }

    public String meterId() {
        return read.meterId();
    }

    public Instant at() {
        return read.at();
    }
}
