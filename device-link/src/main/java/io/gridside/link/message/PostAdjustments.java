package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.ledger.CustomerDay;
import java.util.List;
import java.util.Objects;

/**
 * Asks the gateway to post corrections that the console's reconciliation found, one ADJUSTMENT entry each; only a
 * supervisor may ask. The gateway posts all of them or none: it refuses the request ({@code ADJUSTMENT_STALE}) when
 * any customer day's digest is no longer the one the console checked, which also makes sending it twice harmless.
 * It answers with the posted entries as a {@link LedgerBatch} stream and an end.
 *
 * @param adjustments at most {@link #MAX_ADJUSTMENTS} corrections
 */
public record PostAdjustments(List<Item> adjustments) implements Message {

    /** The most corrections one request carries, so that the request fits a frame. */
    public static final int MAX_ADJUSTMENTS = 128;

    public PostAdjustments {
        adjustments = List.copyOf(adjustments);
        if (adjustments.isEmpty() || adjustments.size() > MAX_ADJUSTMENTS) {
            throw new IllegalArgumentException("a PostAdjustments carries 1 to " + MAX_ADJUSTMENTS
                    + " corrections, not " + adjustments.size());
        }
    }

    /**
     * One correction.
     *
     * @param line the charge line's label: {@code energy}, {@code standing}, {@code minimum}, {@code tax:NAME} or
     *     {@code levy:NAME}
     * @param reason why, as an adjustment's reference writes it, such as {@code reconciled}
     * @param amountMinor what to post, signed as a ledger amount: positive gives back an overcharge
     * @param basedOn the gateway's digest of the customer day that the console checked the correction against
     */
    public record Item(CustomerDay customerDay, String line, String reason, long amountMinor, ByteString basedOn) {

        public Item {
            Objects.requireNonNull(customerDay, "customerDay");
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(basedOn, "basedOn");
            if (amountMinor == 0) {
                throw new IllegalArgumentException("a correction of nothing is not posted: " + customerDay + " "
                        + line);
            }
        }
    }
}
