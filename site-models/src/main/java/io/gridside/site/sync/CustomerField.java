package io.gridside.site.sync;

/**
 * A customer reference field's value and the HLC of the edit that set it.
 *
 * @param customerId the customer
 * @param field one of {@link #FIELDS}
 * @param value the value
 * @param hlc when it was set
 * @param origin {@code "local"} for an edit on this console, {@code "cloud"} for one received
 */
public record CustomerField(String customerId, String field, String value, Hlc hlc, String origin) {

    /** The reference fields that sync. */
    public static final java.util.List<String> FIELDS = java.util.List.of("name", "phone", "address");

    /** The origin of an edit made on this console. */
    public static final String LOCAL = "local";

    /** The origin of an edit received from the cloud. */
    public static final String CLOUD = "cloud";
}
