package io.gridside.link.message;

import java.util.Objects;

/**
 * Asks the gateway to add one tariff version to its schedule, possibly in force from a time already past; only a
 * supervisor may ask, and only as a signed command. The gateway checks the version, adds it, re-rates every
 * customer from the time it takes effect and posts what moved as adjustments. It answers with a
 * {@link TariffPushed}; the same version pushed twice is answered again and posts nothing more.
 *
 * @param versionNumber the version's place in the schedule counted from 1: the gateway's newest plus one, or an
 *     earlier one to ask again for a version already pushed
 * @param tariffFile a tariff file's JSON text (the form the Tariffs screen saves and {@code bill tariff-check}
 *     reads) holding the schedule's id and currency and exactly one version, the one pushed, with its effective
 *     time in the site's local time
 */
public record PushTariff(int versionNumber, String tariffFile) implements Message {

    /** The largest tariff file one request carries, so that the request fits a frame. */
    public static final int MAX_FILE_CHARS = 16_000;

    public PushTariff {
        Objects.requireNonNull(tariffFile, "tariffFile");
        if (versionNumber < 1) {
            throw new IllegalArgumentException("a tariff version is numbered from 1, not " + versionNumber);
        }
        if (tariffFile.length() > MAX_FILE_CHARS) {
            throw new IllegalArgumentException("a pushed tariff file is at most " + MAX_FILE_CHARS
                    + " characters, not " + tariffFile.length());
        }
    }
}
