package io.gridside.site;

import java.util.Objects;

/** A customer of the site: the holder of one prepaid credit account. */
public record Customer(String customerId, String name, CustomerCategory category) {

    public Customer {
        Validate.id("customerId", customerId);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
    }
}
