package io.gridside.console.service;

import io.gridside.site.Customer;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers' names by id: the roster's, and for a customer it no longer lists (one who moved out) the name the
 * gateway's move-in or move-out event carried, so that a laptop that pulled only after the move-out names them too.
 */
final class CustomerNames {

    private CustomerNames() {
    }

    /** The names of the roster's customers and of those the events name, the roster's first. */
    static Map<String, String> of(List<Customer> roster, List<SiteEvent> events) {
        Map<String, String> names = new HashMap<>();
        for (SiteEvent event : events) {
            String name = event.detail("customerName");
            boolean move = event.kind() == EventKind.CUSTOMER_MOVED_OUT || event.kind() == EventKind.CUSTOMER_MOVED_IN;
            if (move && name != null && !name.isEmpty()) {
                names.put(event.detail("customerId"), name);
            }
        }
        roster.forEach(c -> names.put(c.customerId(), c.name()));
        return names;
    }
}
