package io.gridside.site.commission;

import java.util.List;
import java.util.Objects;

/**
 * One meter's links checked against the thresholds: the verdict and, for anything short of a pass, each reason in
 * words (which measure, its value and the limit it missed).
 *
 * @param meterId the meter's serial
 * @param verdict the worst of its measures' verdicts
 * @param reasons one sentence per measure short of its pass limit, worst first; empty for a pass
 */
public record LinkCheck(String meterId, LinkVerdict verdict, List<String> reasons) {

    public LinkCheck {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(verdict, "verdict");
        reasons = List.copyOf(reasons);
        if ((verdict == LinkVerdict.PASS) != reasons.isEmpty()) {
            throw new IllegalArgumentException("A pass has no reasons and anything else has one at least: "
                    + meterId);
        }
    }
}
