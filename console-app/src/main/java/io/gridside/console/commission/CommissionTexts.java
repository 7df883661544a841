package io.gridside.console.commission;

import io.gridside.console.I18n;

/**
 * The Commissioning screen's strings, read through {@link I18n} under the keys that begin {@code commission.} (their
 * file is {@code commission/commission.properties} beside the console's), so that a language chosen for the console
 * is the screen's language too.
 *
 * <p>What a step waits for ({@code commission.wait.*}), a link check's reasons ({@code commission.reason.*}, from
 * the check's findings) and the refusals of the assignment rules and the serial check ({@code commission.refusal.*},
 * from the refusal's reason and values) are keys here too; the command line prints the English of the same sentences.
 *
 * <p>A step that cannot run yet or any more ({@code NOT_READY}: a record closed at go-live, a gateway serving another
 * site) has its reason key too ({@code commission.refusal.*}); the gateway's own refusals over the link
 * ({@code COMMISSION_*}) are worded from their codes as every gateway refusal is ({@code error.gateway.*}, see
 * {@link io.gridside.console.Failures}).
 */
public final class CommissionTexts {

    /** What every key of the screen's strings begins with in the console's bundle. */
    static final String PREFIX = "commission.";

    private CommissionTexts() {
    }

    /** The text for {@code commission.key}, with {@code args} put in its {0}, {1} ... places. */
    public static String text(String key, Object... args) {
        return I18n.text(PREFIX + key, args);
    }
}
