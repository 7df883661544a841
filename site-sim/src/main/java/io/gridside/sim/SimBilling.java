package io.gridside.sim;

import io.gridside.billing.CreditPolicy;
import io.gridside.billing.CreditTerms;
import io.gridside.billing.config.BillingConfig;
import io.gridside.site.SiteCalendar;
import io.gridside.site.Tariff;
import io.gridside.site.tariff.TariffSchedule;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a simulated gateway bills with: the site's flat tariff under plain terms, or the realistic configuration
 * of {@link RealisticBilling}, whose tariff schedule or calendar a file may replace.
 *
 * @param realistic whether the site bills with a schedule and credit terms rather than flat and plain
 * @param schedule the tariff schedule that replaces the realistic one, or the flat one under plain terms; or null
 * @param calendar the site calendar that replaces the realistic one, or whose holidays a plain schedule prices;
 *     or null
 * @param goLive how a commissioned site bills from go-live, each customer on their own tariff; null for a
 *     generated site, whose customers share {@code schedule}
 * @param shopsApart whether the shops of a realistic generated site bill on a business tariff of their own
 *     ({@link RealisticBilling#shopSchedule}), so that the site has two tariffs
 */
public record SimBilling(boolean realistic, TariffSchedule schedule, SiteCalendar calendar, GoLiveBilling goLive,
        boolean shopsApart) {

    /** The currency every simulated site bills in, which a tariff file must price in. */
    public static final String CURRENCY = SiteGenerator.CURRENCY;

    /** The flat tariff of the site reply under plain credit terms. */
    public static final SimBilling FLAT = new SimBilling(false, null, null);

    /** The realistic schedule and terms. */
    public static final SimBilling REALISTIC = new SimBilling(true, null, null);

    /** The realistic schedule and terms for households and mills, and a business tariff for shops. */
    public static final SimBilling REALISTIC_SHOPS_APART = new SimBilling(true, null, null, null, true);

    /**
     * The realistic schedule and terms with a lifeline power limit of {@code watts} instead of its own, which no
     * simulated household's appliances pass together: a lower one makes the households with a fridge and a
     * television trip in the evening.
     */
    public static SimBilling realisticLimitedTo(int watts) {
        return new SimBilling(true, RealisticBilling.schedule(SiteGenerator.TARIFF, watts), null);
    }

    /** Billing of a generated site: see the record's parameters. */
    public SimBilling(boolean realistic, TariffSchedule schedule, SiteCalendar calendar) {
        this(realistic, schedule, calendar, null, false);
    }

    public SimBilling {
        if (!realistic && calendar != null && schedule == null) {
            throw new IllegalArgumentException("A calendar replaces part of the realistic billing, or goes with a "
                    + "tariff schedule under plain terms.");
        }
        if (shopsApart && (!realistic || goLive != null)) {
            throw new IllegalArgumentException("Shops bill apart only on a realistic generated site.");
        }
    }

    /**
     * The tariff schedule {@code schedule} under plain credit terms, with the holidays of {@code calendar}: how a
     * commissioned site bills, on the tariff of its operator's pack, pricing its own holidays as the tariff prices
     * holidays, with no grace, loans or protected customers of the simulator's own.
     */
    public static SimBilling plain(TariffSchedule schedule, SiteCalendar calendar) {
        return new SimBilling(false, Objects.requireNonNull(schedule, "schedule"), calendar);
    }

    /**
     * How a commissioned site bills from go-live: each customer on the tariff {@code goLive} gives them, under plain
     * credit terms, pricing the site's holidays of {@code calendar}.
     */
    public static SimBilling commissioned(GoLiveBilling goLive, SiteCalendar calendar) {
        return new SimBilling(false, goLive.defaultSchedule(), calendar, goLive, false);
    }

    /**
     * What a site billing flat or plain bills with: its schedule, or {@code tariff}'s flat one, under plain terms;
     * on a commissioned site, each customer's own tariff.
     */
    BillingConfig plainConfig(Tariff tariff) {
        TariffSchedule billed = schedule != null ? schedule : TariffSchedule.flat(tariff);
        CreditTerms terms = calendar == null ? CreditTerms.PLAIN
                : new CreditTerms(CreditPolicy.PLAIN, calendar, Set.of(), List.of());
        return goLive == null ? new BillingConfig(billed, terms)
                : BillingConfig.perCustomer(goLive.tariffs(), goLive.tariffOfCustomer(), terms);
    }
}
