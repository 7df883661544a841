package io.gridside.site.ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * One customer's site day: the unit the ledger is summarised, compared and corrected by.
 *
 * @param day the day in the site's time zone
 */
public record CustomerDay(String customerId, LocalDate day) implements Comparable<CustomerDay> {

    private static final Comparator<CustomerDay> ORDER =
            Comparator.comparing(CustomerDay::customerId).thenComparing(CustomerDay::day);

    public CustomerDay {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        Objects.requireNonNull(day, "day");
    }

    /** Customer first, then day: the order digests travel and reports print in. */
    @Override
    public int compareTo(CustomerDay other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return customerId + " " + day;
    }
}
