package io.gridside.sim;

import io.gridside.billing.CreditPolicy;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.config.BillingConfig;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Debt;
import io.gridside.site.SiteCalendar;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The billing configuration of a demo site that bills as a real mini-grid does: a daily lifeline block, an evening
 * peak band and VAT; grace at night, at weekends and on public holidays, a small emergency credit, a clinic and a
 * school never cut off, and a few appliance loans.
 */
public final class RealisticBilling {

    /** The calendar of the realistic terms, in its file form. */
    static final String CALENDAR = """
            night 18:00-07:00
            weekend SATURDAY SUNDAY
            every-year 01-01 New Year
            every-year 06-01 Madaraka Day
            every-year 10-20 Mashujaa Day
            every-year 12-12 Jamhuri Day
            every-year 12-25 Christmas
            every-year 12-26 Boxing Day
            """;
    /** 20 KES of emergency credit, repaid in half before reconnection; the low alert re-arms 20 KES above. */
    static final CreditPolicy POLICY = new CreditPolicy(2_000, 2_000, 500, 50, true);
    private static final LocalDateTime SINCE = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final int LOAN_EVERY = 12;
    /** The lifeline power limit of the realistic tariff: no household's appliances run above it together. */
    static final int POWER_LIMIT_WATTS = 250;

    private RealisticBilling() {
    }

    /** The configuration for {@code customers}, the site billing at {@code tariff}'s currency and standing charge. */
    public static BillingConfig of(Tariff tariff, List<Customer> customers, SimBilling billing) {
        TariffSchedule schedule = billing.schedule() != null ? billing.schedule() : schedule(tariff);
        SiteCalendar calendar = billing.calendar() != null ? billing.calendar() : SiteCalendar.parse(CALENDAR);
        CreditTerms terms = new CreditTerms(POLICY, calendar, neverDisconnect(customers), loans(customers));
        if (!billing.shopsApart()) {
            return new BillingConfig(schedule, terms);
        }
        TariffSchedule shops = shopSchedule(tariff);
        Map<String, String> shopTariffs = new TreeMap<>();
        customers.stream().filter(c -> c.category() == CustomerCategory.SHOP)
                .forEach(c -> shopTariffs.put(c.customerId(), shops.tariffId()));
        return new BillingConfig(schedule, terms, List.of(), shopTariffs.isEmpty() ? List.of() : List.of(shops),
                shopTariffs);
    }

    /**
     * The business tariff of the shops of a site that bills them apart: half as dear again per kWh as the flat
     * price, all day, with twice the flat standing charge and VAT at 16%.
     */
    static TariffSchedule shopSchedule(Tariff tariff) {
        TariffVersion version = new TariffVersion(SINCE, tariff.currency(),
                List.of(new Block(null, Prices.ofMinorPerKwh(tariff.energyMinorPerKwh() * 3 / 2), false)),
                Period.DAILY, List.of(), new StandingCharge(Period.DAILY, tariff.standingMinorPerDay() * 2, null),
                null, List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null)), null);
        return new TariffSchedule("village-shop-" + tariff.currency().toLowerCase(java.util.Locale.ROOT),
                tariff.currency(), List.of(version)).validated();
    }

    /**
     * The first kilowatt-hour of each day at a lifeline price, then the flat price; 10 KES more per kWh from 18:00
     * to 22:00 every day; the flat standing charge; VAT at 16%.
     */
    static TariffSchedule schedule(Tariff tariff) {
        return schedule(tariff, POWER_LIMIT_WATTS);
    }

    /** The realistic schedule with a lifeline power limit of {@code powerLimitWatts}. */
    static TariffSchedule schedule(Tariff tariff, int powerLimitWatts) {
        long flat = tariff.energyMinorPerKwh();
        List<Block> blocks = List.of(new Block(1_000L, Prices.ofMinorPerKwh(flat * 4 / 7), true),
                new Block(null, Prices.ofMinorPerKwh(flat), false));
        long peak = Prices.ofMinorPerKwh(1_000);
        List<TouBand> evening = new ArrayList<>();
        for (DayType day : DayType.values()) {
            evening.add(new TouBand(day, "00:00", "18:00", 0));
            evening.add(new TouBand(day, "18:00", "22:00", peak));
            evening.add(new TouBand(day, "22:00", "24:00", 0));
        }
        TariffVersion version = new TariffVersion(SINCE, tariff.currency(), blocks, Period.DAILY, evening,
                new StandingCharge(Period.DAILY, tariff.standingMinorPerDay(), null), null,
                List.of(new ChargeLine("VAT", ChargeLine.Kind.TAX, 1_600L, null)), powerLimitWatts);
        return new TariffSchedule("village-tou-" + tariff.currency().toLowerCase(java.util.Locale.ROOT),
                tariff.currency(), List.of(version)).validated();
    }

    /** The first two shops stand for the clinic and the school; a site without shops protects no one. */
    private static Set<String> neverDisconnect(List<Customer> customers) {
        Set<String> protectedIds = new LinkedHashSet<>();
        for (Customer customer : customers) {
            if (customer.category() == CustomerCategory.SHOP && protectedIds.size() < 2) {
                protectedIds.add(customer.customerId());
            }
        }
        return protectedIds;
    }

    /** An appliance loan (a radio, a fridge) for every twelfth household, repaid from a fifth of each top-up. */
    private static List<Debt> loans(List<Customer> customers) {
        List<Debt> loans = new ArrayList<>();
        for (int i = 0; i < customers.size(); i += LOAN_EVERY) {
            Customer customer = customers.get(i);
            if (customer.category() == CustomerCategory.HOUSEHOLD) {
                loans.add(new Debt("loan-" + customer.customerId(), customer.customerId(),
                        Debt.Kind.APPLIANCE_LOAN, 150_000 + 50_000L * (loans.size() % 3), 20));
            }
        }
        return loans;
    }
}
