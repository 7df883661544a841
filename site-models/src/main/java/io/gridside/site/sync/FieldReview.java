package io.gridside.site.sync;

import java.time.Instant;

/**
 * A customer field value that lost to another when an edit of one side met an edit of the other, kept for a person
 * to review.
 *
 * @param id the review's row id
 * @param customerId the customer
 * @param field the field
 * @param lostValue the value overwritten (or not taken)
 * @param lostHlc its HLC
 * @param wonValue the value kept
 * @param wonHlc its HLC
 * @param at when the merge happened
 */
public record FieldReview(long id, String customerId, String field, String lostValue, Hlc lostHlc, String wonValue,
        Hlc wonHlc, Instant at) {
}
