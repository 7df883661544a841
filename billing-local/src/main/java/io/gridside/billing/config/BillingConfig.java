package io.gridside.billing.config;

import io.gridside.billing.CreditTerms;
import io.gridside.billing.Rater;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a gateway bills with besides the flat tariff of its site reply: the tariff schedule and the credit terms.
 * The console needs both to replay the gateway's ledger entry for entry and reach the same credit states.
 */
public record BillingConfig(TariffSchedule schedule, CreditTerms terms) {

    public BillingConfig {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(terms, "terms");
    }

    /** The rater of this schedule, with the terms' calendar naming the holidays. */
    public Rater rater(ZoneId zone) {
        return new Rater(schedule, zone, terms.calendar()::isHoliday);
    }

    /**
     * The power limit of {@code customer}'s meter at {@code localTime} (the site's local time), in watts, or null
     * for none: the lifeline limit of the tariff version in force, for a household that is not protected from
     * cut-off. Shops and mills are billed under the same schedule but are not lifeline customers, and a limiter
     * trip would cut a clinic or a school off, which their terms forbid.
     */
    public Integer powerLimitWatts(Customer customer, LocalDateTime localTime) {
        if (customer.category() != CustomerCategory.HOUSEHOLD
                || terms.neverDisconnect().contains(customer.customerId())
                || schedule.versions().isEmpty()
                || schedule.versions().get(0).effectiveFrom().isAfter(localTime)) {
            return null;
        }
        TariffVersion version = schedule.versionAt(localTime);
        return version.lifelinePowerLimitWatts();
    }
}
