package io.gridside.sim;

import io.gridside.link.message.CommissionMeter;
import io.gridside.sim.rf.GeoPoint;
import io.gridside.site.Customer;
import io.gridside.site.Meter;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.commission.MeterSerial;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The layout of a site as commissioned: the physical site a {@link FreshGateway} was built with (its meters, where
 * they stand, what their households draw), under the site's plan, with each commissioned meter's customer and
 * opening balance in place of the generated ones.
 *
 * <p>A meter left uncommissioned at go-live stands in the layout under a spare customer named after the meter, so
 * that the layout keeps one entry per place; the gateway opens no account for it and leaves its place free, as a
 * move-out does ({@link GoLiveBilling#openAccounts}): it is not billed, posts nothing to the ledger and is not in
 * the roster, and a supervisor's move-in gives it to a customer later.
 *
 * <p>KNOWN SHORTCOMING: a free place's readings are passed over, not kept in the journal, as after a move-out; and
 * its relay stays as installed (on), so until a move-in its energy is nobody's.
 */
final class CommissionedSite {

    /** The prefix of the spare account of a meter no customer was given. */
    static final String SPARE = "SPARE-";

    private CommissionedSite() {
    }

    /** Whether {@code customer} is the spare customer of a meter no customer was given at go-live. */
    static boolean spare(Customer customer) {
        return customer.customerId().startsWith(SPARE);
    }

    /** The maker's letters on a simulated site's meter labels. */
    static final String MAKER = "SM";

    /**
     * The generated site with each meter labelled by a serial with its check digit, as a technician scans it
     * (see {@link MeterSerial}): the maker's letters, the seed's last three digits, the meter's number in five;
     * the serial a generator that writes check digits gives the same meter, so both name it alike.
     */
    static SiteLayout labelled(SiteLayout generated, long seed) {
        List<Meter> meters = new ArrayList<>(generated.meters().size());
        for (int i = 0; i < generated.meters().size(); i++) {
            Meter meter = generated.meters().get(i);
            String serial = MeterSerial.of(MAKER, Math.floorMod(seed, 1_000) * 100_000L + i + 1);
            meters.add(new Meter(meter.meterId(), serial, meter.customerId(), meter.parentId(), meter.rssiDbm()));
        }
        return new SiteLayout(generated.site(), generated.gatewayId(), generated.tariff(), generated.customers(),
                meters, generated.loads(), generated.openingMinor(), generated.payRate(), generated.mesh(),
                generated.grid());
    }

    /**
     * @param bySerial the commissioned customers by their meter's serial
     */
    static SiteLayout layout(SiteLayout physical, SitePlan plan, TariffSchedule schedule,
            Map<String, CommissionMeter> bySerial) {
        int count = physical.meters().size();
        List<Customer> customers = new ArrayList<>(count);
        List<Meter> meters = new ArrayList<>(count);
        long[] opening = new long[count];
        double[] payRate = new double[count];
        for (int i = 0; i < count; i++) {
            Meter meter = physical.meters().get(i);
            CommissionMeter commissioned = bySerial.get(meter.serial());
            Customer customer = commissioned != null
                    ? new Customer(commissioned.customerId(), commissioned.name(), commissioned.category())
                    : new Customer(SPARE + meter.meterId(), "Uncommissioned meter " + meter.serial(),
                            physical.customers().get(i).category());
            customers.add(customer);
            meters.add(new Meter(meter.meterId(), meter.serial(), customer.customerId(), meter.parentId(),
                    meter.rssiDbm()));
            opening[i] = commissioned != null ? commissioned.openingBalanceMinor() : 0;
            payRate[i] = commissioned != null ? physical.payRate()[i] : 0;
        }
        SiteInfo site = new SiteInfo(plan.siteId(), plan.name(), plan.currency(), plan.zone());
        return new SiteLayout(site, physical.gatewayId(), tariffOf(schedule, plan), customers, meters,
                physical.loads(), opening, payRate,
                physical.mesh().movedTo(new GeoPoint(plan.latitude(), plan.longitude())), physical.grid());
    }

    /**
     * The flat summary of the site's default tariff that a site reply carries, read from the schedule's first
     * version: its first block's price in whole minor units per kWh (rounded down, before any time-of-use addition)
     * and its daily standing charge (none when the charge is monthly). Billing rates with the schedules themselves,
     * each customer with their own tariff's (the billing configuration carries them); the summary is what a console
     * that reads only the site reply shows. The low-credit threshold is the simulator's, which a tariff does not
     * carry.
     */
    static Tariff tariffOf(TariffSchedule schedule, SitePlan plan) {
        TariffVersion first = schedule.versions().get(0);
        long energy = first.blocks().isEmpty() ? 0 : first.blocks().get(0).price() / Prices.PER_MINOR_PER_KWH;
        StandingCharge standing = first.standing();
        long daily = standing != null && standing.period() == Period.DAILY ? standing.amountMinor() : 0;
        return new Tariff(schedule.tariffId(), plan.currency(), energy, daily,
                SiteGenerator.TARIFF.lowCreditMinor());
    }
}
