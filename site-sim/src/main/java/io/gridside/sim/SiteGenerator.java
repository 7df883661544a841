package io.gridside.sim;

import io.gridside.sim.rf.MeshNetwork;
import io.gridside.sim.rf.MeshPlan;
import io.gridside.sim.rf.VillageMap;
import io.gridside.sim.rf.VillagePlanner;
import io.gridside.site.Customer;
import io.gridside.site.CustomerCategory;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.Tariff;
import io.gridside.site.commission.MeterSerial;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a site from a spec: customers with names and kinds, their loads, their meters, where each stands in the
 * village, how the feeders wire them, and the mesh as it forms when the site's history starts.
 */
public final class SiteGenerator {

    static final String CURRENCY = "KES";
    /** The flat tariff every generated site bills at. */
    static final Tariff TARIFF = new Tariff("flat-2026", CURRENCY, 3500, 1000, 5000);
    static final ZoneId ZONE = ZoneId.of("Africa/Nairobi");

    private static final String[] GIVEN = {
        "Amina", "Baraka", "Chausiku", "Daudi", "Esther", "Faraji", "Grace", "Hamisi", "Imani", "Juma",
        "Kesi", "Lulu", "Mwajuma", "Neema", "Omari", "Pendo", "Rehema", "Saidi", "Tumaini", "Upendo",
        "Wanjiru", "Yusufu", "Zawadi", "Achieng", "Kamau", "Njeri", "Otieno", "Wairimu", "Mutua", "Akinyi"};
    private static final String[] FAMILY = {
        "Mwangi", "Ochieng", "Kiprono", "Wanjala", "Mbeki", "Odhiambo", "Njoroge", "Mutiso", "Kariuki",
        "Auma", "Chebet", "Kibet", "Nyambura", "Omondi", "Barasa", "Wekesa", "Mohamed", "Hassan", "Ali",
        "Kilonzo"};

    private SiteGenerator() {
    }

    public static SiteLayout generate(SiteSpec spec) {
        return generate(spec, gatewayIdFor(spec.seed()));
    }

    /** The gateway id a site of {@code seed} gives its own gateway. */
    static String gatewayIdFor(long seed) {
        return String.format(Locale.ROOT, "GW-%06X", Noise.hash(seed, 1) & 0xFFFFFF);
    }

    /** The site {@code spec} lays out, around a gateway named {@code gatewayId} (another than its seed's). */
    static SiteLayout generate(SiteSpec spec, String gatewayId) {
        long seed = spec.seed();
        int count = spec.meters();
        SiteInfo site = new SiteInfo(String.format(Locale.ROOT, "site-%d", seed),
                "Demo village " + seed, CURRENCY, ZONE);
        Tariff tariff = TARIFF;

        List<Customer> customers = new ArrayList<>(count);
        List<LoadProfile> loads = new ArrayList<>(count);
        long[] opening = new long[count];
        double[] payRate = new double[count];
        for (int i = 0; i < count; i++) {
            CustomerCategory category = category(seed, i, count);
            LoadProfile load = LoadProfile.draw(category, seed, i);
            customers.add(new Customer(customerId(i), name(seed, i, load.premises()), category));
            loads.add(load);
            opening[i] = openingBalance(seed, i, category);
            payRate[i] = Noise.unit(seed, i, 21) < 0.25 ? 0.002 : Noise.between(0.02, 0.08, seed, i, 22);
        }
        MeshPlan mesh = meshPlan(seed, customers, gatewayId);
        List<Meter> meters = meters(seed, customers, mesh, historyStart(spec));
        FeederPlan grid = FeederPlan.lay(mesh.village(), customers.stream().map(Customer::category).toList());
        return new SiteLayout(site, gatewayId, tariff, customers, meters, loads, opening, payRate, mesh, grid);
    }

    /** When a site's history begins: whole days before the interval that holds its spec's {@code now}. */
    static Instant historyStart(SiteSpec spec) {
        return Reading.intervalStartOf(spec.now()).minus(Duration.ofDays(spec.historyDays()));
    }

    private static MeshPlan meshPlan(long seed, List<Customer> customers, String gatewayId) {
        VillageMap village = VillagePlanner.plan(seed, customers.stream().map(Customer::category).toList());
        List<String> meterIds = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            meterIds.add(meterId(i));
        }
        return MeshPlan.build(seed, village, meterIds, gatewayId);
    }

    /** Each meter with the parent it first joins the mesh through, and that parent's signal. */
    private static List<Meter> meters(long seed, List<Customer> customers, MeshPlan mesh, Instant start) {
        MeshNetwork network = new MeshNetwork(mesh);
        network.update(start);
        List<Meter> meters = new ArrayList<>(customers.size());
        for (int i = 0; i < customers.size(); i++) {
            String parentId = network.parentId(i);
            meters.add(new Meter(meterId(i), serial(seed, i), customerId(i), parentId == null ? "" : parentId,
                    rssiDbm(network.parentRssiDbm(i))));
        }
        return meters;
    }

    /** A signal as a meter reports it: whole dBm, within what its radio can measure. */
    static int rssiDbm(double dbm) {
        return Double.isNaN(dbm) ? -120 : (int) Math.round(Math.max(-120, Math.min(-30, dbm)));
    }

    static String customerId(int index) {
        return String.format(Locale.ROOT, "C%05d", index + 1);
    }

    static String meterId(int index) {
        return String.format(Locale.ROOT, "M%05d", index + 1);
    }

    /**
     * The serial on the meter's label: the maker's letters, three digits of the seed and five of the meter's place,
     * and the check digit that commissioning checks a typed or scanned serial against.
     */
    private static String serial(long seed, int index) {
        return MeterSerial.of("SM", Math.floorMod(seed, 1_000) * 100_000L + index + 1);
    }

    private static CustomerCategory category(long seed, int index, int count) {
        if (count >= 20 && index % 40 == 7) {
            return CustomerCategory.MILL;
        }
        return Noise.unit(seed, index, 31) < 0.13 ? CustomerCategory.SHOP : CustomerCategory.HOUSEHOLD;
    }

    /** A household by its head's name; a business by its owner's family name and its trade. */
    private static String name(long seed, int index, Premises premises) {
        String given = GIVEN[(int) Long.remainderUnsigned(Noise.hash(seed, index, 41), GIVEN.length)];
        String family = FAMILY[(int) Long.remainderUnsigned(Noise.hash(seed, index, 42), FAMILY.length)];
        return premises.trade().isEmpty() ? given + " " + family : family + " " + premises.trade();
    }

    /** Opening credit in minor units: most customers start with days of credit, some with very little. */
    private static long openingBalance(long seed, int index, CustomerCategory category) {
        double scale = switch (category) {
            case HOUSEHOLD -> 1;
            case SHOP -> 3;
            case MILL -> 20;
        };
        double kes = Noise.unit(seed, index, 51) < 0.3
                ? Noise.between(20, 80, seed, index, 52)
                : Noise.between(150, 1500, seed, index, 53) * scale;
        return Math.round(kes) * 100;
    }
}
