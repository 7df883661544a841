package io.gridside.link.message;

import io.gridside.site.LedgerEntry;
import io.gridside.site.cbor.ByteString;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The gateway's answer to a {@link PushTariff} it took: the version is in its schedule, and its billing
 * configuration (whose digest this names) says so, so a console pulls the new one.
 *
 * @param knownAt the gateway's tick after which it rates with the version: every quarter hour it billed up to then
 *     was billed without it, and the adjustments re-rate those
 * @param repeated whether the version was pushed before with the same content, so nothing more was posted
 * @param posted the ADJUSTMENT entries the re-rating posted, in ledger order, with reason {@code tariff-version}
 *     or {@code carried-forward}; empty for a repeat or when no charge moved
 */
public record TariffPushed(int versionNumber, ByteString configDigest, Instant knownAt, boolean repeated,
        List<LedgerEntry> posted) implements Message {

    /**
     * The most adjustments one answer lists, so that it stays well within the largest message a link carries (an
     * entry is about 130 bytes); a gateway refuses a push that would post more ({@code TARIFF_PUSH_TOO_LARGE}).
     * KNOWN SHORTCOMING: a site of thousands of meters pushing a version a week back would need more; streaming
     * the entries, as PostAdjustments' answer does, would lift the bound.
     */
    public static final int MAX_POSTED = 5_000;

    public TariffPushed {
        Objects.requireNonNull(configDigest, "configDigest");
        Objects.requireNonNull(knownAt, "knownAt");
        posted = List.copyOf(posted);
    }

    /** What the posted adjustments move in all, signed as ledger amounts: positive gives back. */
    public long netMinor() {
        return posted.stream().mapToLong(LedgerEntry::amountMinor).sum();
    }
}
