package io.gridside.billing.config;

import io.gridside.billing.CreditTerms;
import io.gridside.billing.CustomerTariffs;
import io.gridside.billing.Rater;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a gateway bills with besides the flat tariff of its site reply: the tariff schedule and the credit terms,
 * which versions of the schedule were pushed late and when the gateway learnt them, and, on a site whose customers
 * are not all on one tariff, the other tariffs and who is on each. The console needs all of it to replay the
 * gateway's ledger entry for entry and reach the same credit states.
 */
public record BillingConfig(TariffSchedule schedule, CreditTerms terms, List<PushedVersion> pushed,
        List<TariffSchedule> otherTariffs, Map<String, String> tariffOfCustomer) {

    /**
     * @param schedule the site's default schedule, which rates every customer {@code tariffOfCustomer} leaves out
     * @param pushed the versions of the schedule that were pushed after the gateway began billing, oldest first:
     *     they are the schedule's last, in its order
     * @param otherTariffs the site's tariffs besides the default, in tariff id order
     * @param tariffOfCustomer the tariff id, among {@code otherTariffs}, of each customer not on the default
     */
    public BillingConfig {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(terms, "terms");
        pushed = List.copyOf(pushed);
        otherTariffs = otherTariffs.stream().sorted(Comparator.comparing(TariffSchedule::tariffId)).toList();
        tariffOfCustomer = Collections.unmodifiableMap(new TreeMap<>(tariffOfCustomer));
        Set<String> ids = new HashSet<>(List.of(schedule.tariffId()));
        for (TariffSchedule other : otherTariffs) {
            if (!ids.add(other.tariffId())) {
                throw new IllegalArgumentException("Tariff " + other.tariffId() + " is given twice.");
            }
        }
        for (Map.Entry<String, String> customer : tariffOfCustomer.entrySet()) {
            if (customer.getValue().equals(schedule.tariffId()) || !ids.contains(customer.getValue())) {
                throw new IllegalArgumentException("Customer " + customer.getKey() + " is on tariff "
                        + customer.getValue() + ", which is not among the site's other tariffs.");
            }
        }
        int first = schedule.versions().size() - pushed.size() + 1;
        for (int i = 0; i < pushed.size(); i++) {
            if (pushed.get(i).versionNumber() != first + i) {
                throw new IllegalArgumentException("The pushed versions are the schedule's last, in its order; "
                        + "version " + pushed.get(i).versionNumber() + " is not version " + (first + i) + ".");
            }
        }
    }

    /** A configuration of one tariff, with the versions of it pushed late. */
    public BillingConfig(TariffSchedule schedule, CreditTerms terms, List<PushedVersion> pushed) {
        this(schedule, terms, pushed, List.of(), Map.of());
    }

    /** A configuration of one tariff whose schedule was the gateway's from the start. */
    public BillingConfig(TariffSchedule schedule, CreditTerms terms) {
        this(schedule, terms, List.of());
    }

    /**
     * A configuration whose customers are each on their own tariff from the start: the default schedule is that of
     * the first customer's tariff in customer id order, and the customers on any other are named by their tariff.
     *
     * @param tariffs the site's tariffs by id
     * @param tariffOfCustomer every customer's tariff id
     * @throws IllegalArgumentException for no customer, or a customer on a tariff {@code tariffs} lacks
     */
    public static BillingConfig perCustomer(Map<String, TariffSchedule> tariffs, Map<String, String> tariffOfCustomer,
            CreditTerms terms) {
        Map<String, String> sorted = new TreeMap<>(tariffOfCustomer);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("A site with no customer has no tariff to bill on.");
        }
        String defaultId = sorted.values().iterator().next();
        Map<String, String> others = new TreeMap<>(sorted);
        others.values().removeIf(defaultId::equals);
        Set<String> used = new TreeSet<>(others.values());
        used.add(defaultId);
        for (String id : used) {
            if (!tariffs.containsKey(id)) {
                throw new IllegalArgumentException("The site has no tariff " + id + " to bill customers on.");
            }
        }
        used.remove(defaultId);
        return new BillingConfig(tariffs.get(defaultId), terms, List.of(),
                used.stream().map(tariffs::get).toList(), others);
    }

    /** The schedule of the customer's tariff: {@link #schedule} unless the customer is on another. */
    public TariffSchedule scheduleOf(String customerId) {
        String id = tariffOfCustomer.get(customerId);
        return id == null ? schedule
                : otherTariffs.stream().filter(t -> t.tariffId().equals(id)).findFirst().orElseThrow();
    }

    /** The raters of the tariffs besides the default and who is on each, for the engine and its replay. */
    public CustomerTariffs customerTariffs(ZoneId zone) {
        if (otherTariffs.isEmpty()) {
            return CustomerTariffs.NONE;
        }
        return new CustomerTariffs(otherTariffs.stream().map(t -> new Rater(t, zone, terms.calendar()::isHoliday))
                .toList(), tariffOfCustomer);
    }

    /** This configuration with {@code version} added to the schedule as pushed {@code push}. */
    public BillingConfig withPushed(TariffVersion version, PushedVersion push) {
        List<TariffVersion> versions = new ArrayList<>(schedule.versions());
        versions.add(version);
        List<PushedVersion> pushes = new ArrayList<>(pushed);
        pushes.add(push);
        return new BillingConfig(new TariffSchedule(schedule.tariffId(), schedule.currency(), versions), terms,
                pushes, otherTariffs, tariffOfCustomer);
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
     * for none: the lifeline limit of the version of the customer's tariff in force, for a household that is not
     * protected from cut-off. Shops and mills may be billed under the same schedule but are not lifeline customers,
     * and a limiter trip would cut a clinic or a school off, which their terms forbid.
     */
    public Integer powerLimitWatts(Customer customer, LocalDateTime localTime) {
        if (customer.category() != CustomerCategory.HOUSEHOLD
                || terms.neverDisconnect().contains(customer.customerId())) {
            return null;
        }
        TariffSchedule own = scheduleOf(customer.customerId());
        if (own.versions().isEmpty() || own.versions().get(0).effectiveFrom().isAfter(localTime)) {
            return null;
        }
        TariffVersion version = own.versionAt(localTime);
        return version.lifelinePowerLimitWatts();
    }
}
