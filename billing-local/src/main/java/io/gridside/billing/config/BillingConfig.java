package io.gridside.billing.config;

import io.gridside.billing.CreditTerms;
import io.gridside.billing.Rater;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a gateway bills with besides the flat tariff of its site reply: the tariff schedule and the credit terms,
 * and which versions of the schedule were pushed late and when the gateway learnt them. The console needs all of it
 * to replay the gateway's ledger entry for entry and reach the same credit states.
 */
public record BillingConfig(TariffSchedule schedule, CreditTerms terms, List<PushedVersion> pushed) {

    /**
     * @param pushed the versions of the schedule that were pushed after the gateway began billing, oldest first:
     *     they are the schedule's last, in its order
     */
    public BillingConfig {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(terms, "terms");
        pushed = List.copyOf(pushed);
        int first = schedule.versions().size() - pushed.size() + 1;
        for (int i = 0; i < pushed.size(); i++) {
            if (pushed.get(i).versionNumber() != first + i) {
                throw new IllegalArgumentException("The pushed versions are the schedule's last, in its order; "
                        + "version " + pushed.get(i).versionNumber() + " is not version " + (first + i) + ".");
            }
        }
    }

    /** A configuration whose schedule was the gateway's from the start. */
    public BillingConfig(TariffSchedule schedule, CreditTerms terms) {
        this(schedule, terms, List.of());
    }

    /** This configuration with {@code version} added to the schedule as pushed {@code push}. */
    public BillingConfig withPushed(TariffVersion version, PushedVersion push) {
        List<TariffVersion> versions = new ArrayList<>(schedule.versions());
        versions.add(version);
        List<PushedVersion> pushes = new ArrayList<>(pushed);
        pushes.add(push);
        return new BillingConfig(new TariffSchedule(schedule.tariffId(), schedule.currency(), versions), terms,
                pushes);
    }

    /** The schedule as it stood before any version was pushed: the one the gateway began billing with. */
    public TariffSchedule scheduleBeforePushes() {
        return scheduleWith(schedule.versions().size() - pushed.size());
    }

    /** The schedule of its first {@code versions} versions. */
    public TariffSchedule scheduleWith(int versions) {
        return new TariffSchedule(schedule.tariffId(), schedule.currency(), schedule.versions().subList(0, versions));
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
