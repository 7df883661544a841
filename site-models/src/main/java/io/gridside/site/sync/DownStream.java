package io.gridside.site.sync;

import java.util.Locale;

/** A stream the console reads down from the cloud in pages, each with its own cursor kept in the store. */
public enum DownStream {
    /** Tariff versions the operator published. */
    TARIFFS,
    /** Customer reference fields edited in the cloud. */
    CUSTOMERS,
    /** Remote (mobile-money) top-ups, queued for the gateway. */
    TOPUPS,
    /** Firmware release records. */
    FIRMWARE,
    /** Technician credentials and the operator's revocation list. */
    CREDENTIALS;

    /** The name on the wire and in the store, such as {@code "tariffs"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The stream named {@code wireName} on the wire.
     *
     * @throws IllegalArgumentException for a name no stream has
     */
    public static DownStream fromWire(String wireName) {
        for (DownStream stream : values()) {
            if (stream.wireName().equals(wireName)) {
                return stream;
            }
        }
        throw new IllegalArgumentException("There is no down stream named '" + wireName + "'.");
    }
}
