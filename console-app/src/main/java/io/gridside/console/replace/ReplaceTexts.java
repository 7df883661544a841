package io.gridside.console.replace;

import io.gridside.console.I18n;

/**
 * The gateway replacement's strings, read through {@link I18n} under the keys that begin {@code replaceGateway.}
 * in the console's {@code views} bundles; the warning of a stale register is the command line's own
 * ({@code replace.staleRegister}), so that both say the same.
 */
public final class ReplaceTexts {

    private static final String PREFIX = "replaceGateway.";

    private ReplaceTexts() {
    }

    /** The text for {@code replaceGateway.key}, with {@code args} put in its {0}, {1} ... places. */
    public static String text(String key, Object... args) {
        return I18n.text(PREFIX + key, args);
    }
}
