package io.gridside.console.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the open site's sync stands, as the screen and the indicator show it.
 *
 * @param cloudUrl the cloud the site syncs with; null when sync is not set up for the site
 * @param pin the pin of the cloud's certificate or of its issuer; null when not set up
 * @param online whether the cloud answered the last probe or run
 * @param waiting the outbox rows after each up stream's checkpoint, by stream name
 * @param lastSuccess when a run last ended with everything acknowledged; null when never
 * @param lastError the sentence of the last failure since then; empty when the last run went through
 * @param attention the items a person must look at, oldest first
 * @param reviews customer values that lost to a later edit, newest first
 */
public record SyncOverview(String cloudUrl, String pin, boolean online, Map<String, Long> waiting,
        Instant lastSuccess, String lastError, List<Attention> attention, List<Review> reviews) {

    /** What a site without sync shows, and every site before its first status has been read. */
    public static final SyncOverview NOT_SET_UP = new SyncOverview(null, null, false, Map.of(), null, "", List.of(),
            List.of());

    public SyncOverview {
        waiting = Map.copyOf(waiting);
        lastError = lastError == null ? "" : lastError;
        attention = List.copyOf(attention);
        reviews = List.copyOf(reviews);
    }

    /** Whether the site has a cloud to sync with. */
    public boolean configured() {
        return cloudUrl != null && !cloudUrl.isBlank();
    }

    /** The rows waiting in {@code stream}; 0 for a stream not named. */
    public long waiting(String stream) {
        return waiting.getOrDefault(stream, 0L);
    }

    /** The rows waiting in every stream. */
    public long waitingTotal() {
        return waiting.values().stream().mapToLong(Long::longValue).sum();
    }

    /** What a person may do about an item that needs attention. */
    public enum Action {
        /** Send it again: the cause was passing, or has been put right. */
        RETRY,
        /** Mark it dealt with: it was put right another way and is not sent again. */
        RESOLVE
    }

    /**
     * An item that sync could not deliver and will not try again by itself.
     *
     * @param id the item's key on the needs-attention list
     * @param stream the up stream it belongs to
     * @param item what it is, as the technician knows it (a ledger range, a payment reference, a meter's day)
     * @param problem what went wrong, with its code
     * @param whatToDo the sentence that says what to do about it
     * @param action what the item's button does
     * @param since when it was put on the list
     */
    public record Attention(String id, String stream, String item, String problem, String whatToDo, Action action,
            Instant since) {
    }

    /**
     * A customer's reference value that another edit overwrote, kept for a person to review.
     *
     * @param customerId the customer
     * @param field name, phone or address
     * @param lostValue the value that lost
     * @param wonValue the value the customer has now
     * @param wonBy where the winning edit came from: "cloud" or "console"
     * @param at when the overwrite happened
     */
    public record Review(String customerId, String field, String lostValue, String wonValue, String wonBy,
            Instant at) {
    }
}
