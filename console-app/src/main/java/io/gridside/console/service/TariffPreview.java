package io.gridside.console.service;

import io.gridside.billing.CreditTerms;
import io.gridside.billing.config.BillingConfig;
import io.gridside.billing.config.BillingConfigDocument;
import io.gridside.billing.rerate.LineKey;
import io.gridside.billing.rerate.MonthBill;
import io.gridside.site.Customer;
import io.gridside.site.EntryKind;
import io.gridside.site.Meter;
import io.gridside.site.Reading;
import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A month's bill of one customer under the site's tariff and under a proposed tariff version, line by line with
 * the difference: what a technician checks before a price change goes to the gateway.
 *
 * <p>Both bills are {@link MonthBill}s, rated by the engine's own rating over the customer's stored readings. The
 * site's bill uses the schedule of the billing configuration last pulled (or the flat tariff of a gateway that
 * has none), each interval at the version in force then; the proposed version is rated as though it were in force
 * for the whole month, so that a month already read shows what the new prices would have charged. Both use the
 * site's holidays.
 */
public final class TariffPreview {

    private final SiteInfo site;
    private final BillingConfig config;
    /** The gateway's clock at the last pull, which says how far a month under way has come; null if unknown. */
    private final Instant pulledClock;
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, List<String>> meters = new LinkedHashMap<>();

    private TariffPreview(SiteInfo site, BillingConfig config, Instant pulledClock, List<Customer> customers,
            List<Meter> meters) {
        this.site = site;
        this.config = config;
        this.pulledClock = pulledClock;
        customers.forEach(c -> this.customers.put(c.customerId(), c));
        meters.forEach(m -> this.meters.computeIfAbsent(m.customerId(), id -> new ArrayList<>()).add(m.meterId()));
    }

    /**
     * What {@code store} holds to preview with: the site, its billing configuration and its roster.
     *
     * @throws NoSuchElementException when the store holds no site or no tariff yet
     */
    public static TariffPreview of(SiteStore store) {
        SiteInfo site = store.site().orElseThrow(() -> new NoSuchElementException("The site database "
                + store.file() + " holds no site yet; connect to its gateway and pull first."));
        BillingConfig config = store.billingConfig().map(BillingConfigDocument::decode)
                .orElseGet(() -> new BillingConfig(TariffSchedule.flat(store.tariff().orElseThrow(
                        () -> new NoSuchElementException("The site database " + store.file() + " holds no tariff "
                                + "yet; connect to its gateway and pull first."))), CreditTerms.PLAIN));
        return new TariffPreview(site, config, store.pulledGatewayClock().orElse(null), store.customers(),
                store.meters());
    }

    public SiteInfo site() {
        return site;
    }

    /** The tariff schedule the site bills with, as last pulled. */
    public TariffSchedule schedule() {
        return config.schedule();
    }

    /** The customers of the roster, in roster order. */
    public List<Customer> customers() {
        return List.copyOf(customers.values());
    }

    /** Whether the roster knows {@code customerId}. */
    public boolean knows(String customerId) {
        return customers.containsKey(customerId);
    }

    /** The customer's meters, from the roster; empty for a customer without one. */
    public List<String> metersOf(String customerId) {
        return meters.getOrDefault(customerId, List.of());
    }

    /**
     * The customer's stored readings, from every meter the roster gives them, oldest first.
     *
     * <p>Shortcoming: a meter's readings are all counted for the customer the roster gives it now, so a meter that
     * passed from one customer to another in a month previews both customers' energy for the new one.
     */
    public List<Reading> readings(SiteStore store, String customerId) {
        List<Reading> readings = new ArrayList<>();
        for (String meterId : metersOf(customerId)) {
            readings.addAll(store.readings(meterId, Instant.EPOCH, Instant.MAX));
        }
        readings.sort((a, b) -> a.intervalStart().compareTo(b.intervalStart()));
        return readings;
    }

    /** The months of the site's calendar that {@code readings} fall in, oldest first. */
    public SortedSet<YearMonth> months(List<Reading> readings) {
        SortedSet<YearMonth> months = new TreeSet<>();
        readings.forEach(r -> months.add(YearMonth.from(r.intervalStart().atZone(site.zone()))));
        return months;
    }

    /**
     * The customer's bill for {@code month} under the site's schedule and under {@code proposed}, from the
     * customer's {@code readings}.
     *
     * @throws io.gridside.site.tariff.InvalidTariffException when {@code proposed} is not a valid version of the
     *     site's tariff
     */
    public Preview preview(TariffVersion proposed, String customerId, YearMonth month, List<Reading> readings) {
        TariffSchedule proposedSchedule = new TariffSchedule(schedule().tariffId(), schedule().currency(),
                List.of(inForceFrom(proposed, month))).validated();
        LocalDate lastDay = lastDay(month);
        // The bill as it stands is on the customer's own tariff. KNOWN SHORTCOMING: the proposed version is one of
        // the default tariff, as a push is, so for a customer on another tariff the two bills compare two tariffs.
        MonthBill now = MonthBill.rate(config.customerTariffs(site.zone()).raterOf(customerId,
                config.rater(site.zone())), customerId, month, lastDay, readings);
        MonthBill then = MonthBill.rate(new BillingConfig(proposedSchedule, config.terms()).rater(site.zone()),
                customerId, month, lastDay, readings);
        return new Preview(site, schedule().tariffId(), customerId, month, now, then, rows(now, then, proposed));
    }

    /**
     * The month's last day, or for the month the gateway's clock stood in at the last pull, that day: a month under
     * way is billed so far, without the standing charges of days to come or the minimum charge not yet due.
     */
    private LocalDate lastDay(YearMonth month) {
        LocalDate today = pulledClock == null ? null : pulledClock.atZone(site.zone()).toLocalDate();
        return today != null && YearMonth.from(today).equals(month) ? today : month.atEndOfMonth();
    }

    /** The version as if it took effect as the month began, so that it rates every interval of the month. */
    private static TariffVersion inForceFrom(TariffVersion version, YearMonth month) {
        return new TariffVersion(month.atDay(1).atStartOfDay(), version.currency(), version.blocks(),
                version.blockReset(), version.tou(), version.standing(), version.minimumMonthlyMinor(),
                version.charges(), version.lifelinePowerLimitWatts());
    }

    private List<Row> rows(MonthBill now, MonthBill then, TariffVersion proposed) {
        Map<String, Row> energy = new LinkedHashMap<>();
        for (MonthBill.EnergyLine line : now.energy()) {
            TariffVersion version = schedule().versionAt(line.version());
            energy.merge(partKey(version, line), Row.part(version, line, true), Row::plus);
        }
        for (MonthBill.EnergyLine line : then.energy()) {
            energy.merge(partKey(proposed, line), Row.part(proposed, line, false), Row::plus);
        }
        List<Row> rows = new ArrayList<>(energy.values());
        TreeSet<LineKey> lines = new TreeSet<>(now.lines().keySet());
        lines.addAll(then.lines().keySet());
        lines.add(LineKey.ENERGY);
        for (LineKey line : lines) {
            boolean energyLine = line.equals(LineKey.ENERGY);
            rows.add(Row.line(line, energyLine ? now.energyWh() : null, energyLine ? then.energyWh() : null,
                    now.charged(line), then.charged(line)));
        }
        rows.add(new Row(Row.Kind.TOTAL, null, null, -1, null, null, null, null, null, null, now.totalMinor(),
                then.totalMinor(), 1));
        return rows;
    }

    /** Parts of either bill that fell in the same block and band times are one row, whatever their price. */
    private static String partKey(TariffVersion version, MonthBill.EnergyLine line) {
        TouBand band = line.band() < 0 ? null : version.tou().get(line.band());
        return line.block() + "/" + (band == null ? "-" : band.day() + " " + band.from() + "-" + band.to());
    }

    /** The bills of both tariffs and their lines side by side, the proposed one's minus the site's. */
    public record Preview(SiteInfo site, String tariffId, String customerId, YearMonth month, MonthBill current,
            MonthBill proposed, List<Row> rows) {

        public String currency() {
            return site.currency();
        }

        /** The total of the proposed bill minus the site's, in minor units. */
        public long differenceMinor() {
            return Math.subtractExact(proposed.totalMinor(), current.totalMinor());
        }
    }

    /**
     * One line of the two bills side by side. An energy part is exact, in charge units ({@code unitsPerMinor} of
     * them make a minor unit); every other line is in whole minor units ({@code unitsPerMinor} 1).
     *
     * @param block the block's index for an energy part, else -1
     * @param lifeline whether the part's block is a lifeline block; null for another line
     * @param band the time-of-use band that added its price to an energy part, or null
     * @param name a tax or levy line's name, else null
     * @param currentPrice the price of an energy part under the site's tariff, or null where it charged nothing
     *     or at more than one price (two versions in one month)
     */
    public record Row(Kind kind, Boolean lifeline, TouBand band, int block, String name, Long upToWh,
            Long currentWh, Long proposedWh, Long currentPrice, Long proposedPrice, long currentUnits,
            long proposedUnits, long unitsPerMinor) {

        /** What a row is: a part of the energy, a line of the bill, or the total. */
        public enum Kind {
            ENERGY_PART, ENERGY, STANDING, MINIMUM, TAX, LEVY, TOTAL
        }

        public Row {
            Objects.requireNonNull(kind, "kind");
        }

        public long differenceUnits() {
            return Math.subtractExact(proposedUnits, currentUnits);
        }

        static Row part(TariffVersion version, MonthBill.EnergyLine line, boolean current) {
            TouBand band = line.band() < 0 ? null : version.tou().get(line.band());
            boolean lifeline = version.blocks().get(line.block()).lifeline();
            Long upTo = version.blocks().get(line.block()).upToWh();
            return new Row(Kind.ENERGY_PART, lifeline, band, line.block(), null, upTo,
                    current ? line.energyWh() : null, current ? null : line.energyWh(),
                    current ? line.price() : null, current ? null : line.price(), current ? line.units() : 0,
                    current ? 0 : line.units(), Prices.CHARGE_UNITS_PER_MINOR);
        }

        static Row line(LineKey line, Long currentWh, Long proposedWh, long currentMinor, long proposedMinor) {
            Kind kind = switch (line.kind()) {
                case ENERGY -> Kind.ENERGY;
                case STANDING_CHARGE -> Kind.STANDING;
                case MINIMUM_CHARGE -> Kind.MINIMUM;
                case TAX -> Kind.TAX;
                default -> Kind.LEVY;
            };
            return new Row(kind, null, null, -1, line.kind() == EntryKind.TAX || line.kind() == EntryKind.LEVY
                    ? line.name() : null, null, currentWh, proposedWh, null, null, currentMinor, proposedMinor, 1);
        }

        /** This part and another of the same block and band together. */
        Row plus(Row other) {
            return new Row(kind, lifeline, band, block, name, upToWh != null ? upToWh : other.upToWh,
                    sum(currentWh, other.currentWh), sum(proposedWh, other.proposedWh),
                    samePrice(currentPrice, other.currentPrice, currentWh, other.currentWh),
                    samePrice(proposedPrice, other.proposedPrice, proposedWh, other.proposedWh),
                    Math.addExact(currentUnits, other.currentUnits),
                    Math.addExact(proposedUnits, other.proposedUnits), unitsPerMinor);
        }

        private static Long sum(Long a, Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(Math.addExact(a, b));
        }

        private static Long samePrice(Long a, Long b, Long aWh, Long bWh) {
            if (aWh == null) {
                return b;
            }
            if (bWh == null) {
                return a;
            }
            return Objects.equals(a, b) ? a : null;
        }
    }
}
