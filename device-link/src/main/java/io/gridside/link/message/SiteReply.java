package io.gridside.link.message;

import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import java.util.List;

/** The site as the gateway knows it. */
public record SiteReply(SiteInfo site, Tariff tariff, List<Customer> customers, List<Meter> meters)
        implements Message {

    public SiteReply {
        customers = List.copyOf(customers);
        meters = List.copyOf(meters);
    }
}
