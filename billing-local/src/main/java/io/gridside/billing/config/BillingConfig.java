package io.gridside.billing.config;

import io.gridside.billing.CreditTerms;
import io.gridside.billing.Rater;
import io.gridside.site.tariff.TariffSchedule;
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
}
