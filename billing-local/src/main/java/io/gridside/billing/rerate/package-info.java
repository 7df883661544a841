/**
 * Re-rating: rating as a pure function of tariff versions, calendar, opening state and intervals, by customer day,
 * and the differences between two ratings of one window posted as adjustments rather than edits.
 */
package io.gridside.billing.rerate;
