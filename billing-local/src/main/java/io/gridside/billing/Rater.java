package io.gridside.billing;

import io.gridside.site.EntryKind;
import io.gridside.site.Reading;
import io.gridside.site.tariff.Block;
import io.gridside.site.tariff.ChargeLine;
import io.gridside.site.tariff.DayType;
import io.gridside.site.tariff.Period;
import io.gridside.site.tariff.Prices;
import io.gridside.site.tariff.StandingCharge;
import io.gridside.site.tariff.TariffSchedule;
import io.gridside.site.tariff.TariffVersion;
import io.gridside.site.tariff.TouBand;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Rates readings and site days against a tariff schedule: a function of the schedule, the site's calendar, the
 * inputs and the account's {@link RatingState}, which it advances.
 *
 * <p>Charges are exact in their own fixed-point unit (see {@link Prices}): energy and per-kWh lines in charge
 * units, percentage lines in charge units times basis points. Each line accrues in the account's state and,
 * when the engine posts, posts its whole minor units and carries the remainder, so a line's postings always sum
 * to its exact total rounded down, whatever the readings and however often it posts. An interval is rated by the
 * version in force at its start, in the site's time.
 */
public final class Rater {

    private static final int MINUTES_PER_QUARTER = 15;
    private static final int QUARTERS_PER_DAY = 96;
    private static final String ENERGY_LINE = "energy";

    private final TariffSchedule schedule;
    private final ZoneId zone;
    private final Predicate<LocalDate> holidays;
    /** Per version, the time-of-use price of each quarter hour of each day type, looked up once. */
    private final Map<TariffVersion, long[][]> touPrices = new IdentityHashMap<>();
    /** Per tax or levy line, the key of its remainder, built once. */
    private final Map<ChargeLine, String> lineKeys = new IdentityHashMap<>();

    /**
     * A rater of the site in {@code zone}.
     *
     * @param holidays whether a day is a holiday of the site's calendar, priced as a Sunday
     * @throws io.gridside.site.tariff.InvalidTariffException when the schedule is not valid
     */
    public Rater(TariffSchedule schedule, ZoneId zone, Predicate<LocalDate> holidays) {
        this.schedule = schedule.validated();
        this.zone = zone;
        this.holidays = holidays;
        for (TariffVersion version : this.schedule.versions()) {
            touPrices.put(version, touTable(version));
            version.charges().forEach(line -> lineKeys.put(line, lineKey(line)));
        }
    }

    public TariffSchedule schedule() {
        return schedule;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Accrues the charges of one reading to the account: its energy, then each tax and levy line of the version in
     * force. Nothing is posted; {@link #postAccrued} posts what accrued.
     */
    public void accrueInterval(RatingState state, Reading reading) {
        accrueInterval(state, reading, null);
    }

    /**
     * As {@link #accrueInterval(RatingState, Reading)}, and tells {@code split} how the interval's energy fell
     * across the version's blocks and bands, one part per block it reached: what a bill shows line by line.
     *
     * @param split told each part as it is rated; null to rate without telling
     */
    public void accrueInterval(RatingState state, Reading reading, Consumer<EnergyPart> split) {
        LocalDateTime start = LocalDateTime.ofInstant(reading.intervalStart(), zone);
        TariffVersion version = schedule.versionAt(start);
        long energyUnits = energyUnits(state, version, start, reading.energyWh(), split);

        state.accrue(ENERGY_LINE, energyUnits, Prices.CHARGE_UNITS_PER_MINOR);
        for (ChargeLine line : version.charges()) {
            accrueLine(state, line, energyUnits, reading.energyWh());
        }
        state.accruedFrom = state.accruedFrom == null ? reading.intervalStart() : state.accruedFrom;
        state.accruedTo = reading.intervalEnd();
        state.ratedVersion = version.effectiveFrom();
    }

    /** When the version that rates an interval starting at {@code intervalStart} took effect, in site time. */
    public LocalDateTime versionInForce(Instant intervalStart) {
        return schedule.versionAt(LocalDateTime.ofInstant(intervalStart, zone)).effectiveFrom();
    }

    /**
     * The whole minor units each line accrued since it last posted, as charges, leaving each remainder to carry on;
     * none when nothing accrued since. A line with less than a minor unit owed posts nothing this time.
     *
     * <p>One charge per line covers every interval since the last posting, named by the span they cover
     * ({@code usage:FROM/TO}, a tax line's name after a space).
     */
    public List<Charge> postAccrued(RatingState state) {
        if (state.accruedFrom == null) {
            return List.of();
        }
        String reference = "usage:" + state.accruedFrom + "/" + state.accruedTo;
        List<Charge> charges = new ArrayList<>();
        state.takeWholeMinor().forEach((line, minor) -> {
            EntryKind kind = kindOf(line);
            if (kind == EntryKind.ENERGY) {
                add(charges, minor, kind, reference);
            } else {
                String name = line.substring(line.indexOf(':') + 1, line.lastIndexOf(':'));
                add(charges, minor, kind, reference + " " + name);
            }
        });
        return charges;
    }

    /** The exact energy charge of {@code energyWh} from {@code start}, advancing the block and month counts. */
    private long energyUnits(RatingState state, TariffVersion version, LocalDateTime start, long energyWh,
            Consumer<EnergyPart> split) {
        state.enterBlockPeriod(periodStart(version.blockReset(), start.toLocalDate()));
        int quarter = (start.getHour() * 60 + start.getMinute()) / MINUTES_PER_QUARTER;
        DayType day = DayType.of(start.toLocalDate(), holidays);
        long touPrice = touPrices.get(version)[day.ordinal()][quarter];

        PartSink sink = split == null ? null : (block, wh, price, units) -> split.accept(new EnergyPart(
                version.effectiveFrom(), block, version.blocks().get(block).lifeline() ? -1
                        : bandAt(version, day, quarter), wh, price, units));
        long units = blockCharge(version.blocks(), state.periodWh, energyWh, touPrice, sink);
        state.periodWh = Math.addExact(state.periodWh, energyWh);
        state.addMonthEnergy(YearMonth.from(start), units);
        return units;
    }

    /** Accrues a tax or levy line: a share of the energy charge, or a price per kWh. */
    private void accrueLine(RatingState state, ChargeLine line, long energyUnits, long energyWh) {
        if (line.basisPoints() != null) {
            long units = Math.multiplyExact(energyUnits, line.basisPoints());
            state.accrue(lineKeys.get(line), units, Prices.CHARGE_UNITS_PER_MINOR * Prices.BASIS_POINTS);
        } else {
            state.accrue(lineKeys.get(line), Math.multiplyExact(energyWh, line.price()),
                    Prices.CHARGE_UNITS_PER_MINOR);
        }
    }

    /**
     * The charges due as the site's day {@code day} begins: the minimum charge of the month that ended, on the
     * first of a month, then the standing charge. A daily standing charge is posted even when it is zero, as the
     * flat tariff always has been.
     */
    public List<Charge> dayBegins(RatingState state, LocalDate day) {
        List<Charge> charges = new ArrayList<>();
        if (day.getDayOfMonth() == 1) {
            minimumCharge(state, YearMonth.from(day).minusMonths(1)).ifPresent(charges::add);
        }
        StandingCharge standing = versionOn(day).standing();
        if (standing != null && standing.period() == Period.DAILY) {
            charges.add(new Charge(EntryKind.STANDING_CHARGE, standing.amountMinor(), "day:" + day));
        } else if (standing != null && standing.dueDay() == day.getDayOfMonth() && standing.amountMinor() > 0) {
            charges.add(new Charge(EntryKind.STANDING_CHARGE, standing.amountMinor(), "month:" + YearMonth.from(day)));
        }
        return charges;
    }

    /**
     * What the month's energy charge (exact, rounded down) fell short of the minimum of the version in force at
     * its end. The month an account opened in is exempt.
     */
    private Optional<Charge> minimumCharge(RatingState state, YearMonth ended) {
        if (ended.isBefore(state.firstFullMonth)) {
            return Optional.empty();
        }
        Long minimum = versionOn(ended.atEndOfMonth()).minimumMonthlyMinor();
        long charged = ended.equals(state.energyMonth) ? state.monthEnergyUnits / Prices.CHARGE_UNITS_PER_MINOR : 0;
        if (minimum == null || charged >= minimum) {
            return Optional.empty();
        }
        return Optional.of(new Charge(EntryKind.MINIMUM_CHARGE, minimum - charged, "minimum:" + ended));
    }

    /** The version in force as {@code day} begins, or the first version on a day before any was in force. */
    private TariffVersion versionOn(LocalDate day) {
        LocalDateTime start = day.atStartOfDay();
        TariffVersion first = schedule.versions().get(0);
        return start.isBefore(first.effectiveFrom()) ? first : schedule.versionAt(start);
    }

    /**
     * The exact charge of {@code energyWh} consumed after {@code periodWh} of the block period: each part priced by
     * the block it falls in, plus the time-of-use price outside a lifeline block.
     */
    static long blockCharge(List<Block> blocks, long periodWh, long energyWh, long touPrice) {
        return blockCharge(blocks, periodWh, energyWh, touPrice, null);
    }

    private static long blockCharge(List<Block> blocks, long periodWh, long energyWh, long touPrice, PartSink sink) {
        long units = 0;
        long position = periodWh;
        long left = energyWh;
        for (int index = 0; index < blocks.size(); index++) {
            Block block = blocks.get(index);
            long end = block.upToWh() == null ? Long.MAX_VALUE : block.upToWh();
            if (left == 0 || position >= end) {
                continue;
            }
            long part = Math.min(left, end - position);
            long price = Math.addExact(block.price(), block.lifeline() ? 0 : touPrice);
            long partUnits = Math.multiplyExact(part, price);
            units = Math.addExact(units, partUnits);
            if (sink != null) {
                sink.part(index, part, price, partUnits);
            }
            position += part;
            left -= part;
        }
        return units;
    }

    /** The index of the band of {@code version} that prices {@code quarter} of a {@code day}; -1 for none. */
    private static int bandAt(TariffVersion version, DayType day, int quarter) {
        List<TouBand> bands = version.tou();
        for (int index = 0; index < bands.size(); index++) {
            TouBand band = bands.get(index);
            if (band.day() == day && TouBand.quarterOf(band.from()) <= quarter
                    && quarter < TouBand.quarterOf(band.to())) {
                return index;
            }
        }
        return -1;
    }

    /** Where {@link #blockCharge} tells each block's part of an interval's energy, when a bill asks. */
    @FunctionalInterface
    private interface PartSink {
        void part(int block, long energyWh, long price, long units);
    }

    private static long[][] touTable(TariffVersion version) {
        long[][] table = new long[DayType.values().length][QUARTERS_PER_DAY];
        for (DayType day : DayType.values()) {
            for (int quarter = 0; quarter < QUARTERS_PER_DAY; quarter++) {
                table[day.ordinal()][quarter] = version.touPrice(day, quarter);
            }
        }
        return table;
    }

    private static LocalDate periodStart(Period reset, LocalDate day) {
        return reset == Period.MONTHLY ? day.withDayOfMonth(1) : day;
    }

    /** The whole minor units the account's lines of {@code kind} (energy, tax or levy) would post now. */
    public static long accruedMinor(RatingState state, EntryKind kind) {
        return state.accruedMinor(line -> kindOf(line) == kind);
    }

    private static EntryKind kindOf(String lineKey) {
        if (lineKey.equals(ENERGY_LINE)) {
            return EntryKind.ENERGY;
        }
        // A line's key is KIND:NAME:UNIT (see lineKey); the name may hold colons of its own.
        String kind = lineKey.substring(0, lineKey.indexOf(':'));
        return kind.equals(ChargeLine.Kind.TAX.name()) ? EntryKind.TAX : EntryKind.LEVY;
    }

    /** A line's remainder key: its unit changes with its kind of price, so the key says which. */
    private static String lineKey(ChargeLine line) {
        return line.kind() + ":" + line.name() + (line.basisPoints() != null ? ":%" : ":kWh");
    }

    private static void add(List<Charge> charges, long amountMinor, EntryKind kind, String reference) {
        if (amountMinor > 0) {
            charges.add(new Charge(kind, amountMinor, reference));
        }
    }
}
