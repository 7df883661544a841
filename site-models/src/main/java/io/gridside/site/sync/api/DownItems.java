package io.gridside.site.sync.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The shapes of the items of each down stream; each has a natural key, so applying one twice changes nothing. */
public final class DownItems {

    /** The {@code kind} of a {@link Credential} that carries a technician's credential. */
    public static final String CREDENTIAL = "credential";
    /** The {@code kind} of a {@link Credential} that carries a revocation list. */
    public static final String REVOCATIONS = "revocations";
    /** The channel of a remote top-up. */
    public static final String MOBILE_MONEY = "mobile-money";

    private DownItems() {
    }

    /**
     * Tariffs: one version of the site's tariff; the key is {@code versionId}.
     *
     * @param tariff the tariff as the site's tariff JSON
     */
    public record Tariff(String versionId, LocalDate effectiveFrom, Map<String, Object> tariff) {
    }

    /** Customers: a field the cloud changed; the later hlc wins, a tie goes to the cloud. */
    public record CustomerField(String customerId, String field, String value, String hlc) {
    }

    /** Topups: a remote payment; the key is {@code reference}, so a payment known to both sides credits once. */
    public record TopUp(String reference, String customerId, long amountMinor, String currency, Instant paidAt,
            String channel) {
    }

    /** Firmware: a release record; the key is product and version. */
    public record Firmware(String version, String product, List<String> hardwareIds, long securityCounter,
            String notes, Instant publishedAt) {
    }

    /**
     * Credentials: a technician's credential ({@code kind} {@value #CREDENTIAL}, keyed by technician) or a
     * revocation list ({@value #REVOCATIONS}, keyed by its serial inside {@code signed}; technicianId null).
     *
     * @param signed the signed CBOR, base64
     * @param signature the operator's signature over it, base64
     */
    public record Credential(String kind, String technicianId, String signed, String signature) {
    }
}
