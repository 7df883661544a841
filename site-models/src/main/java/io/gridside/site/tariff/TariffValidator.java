package io.gridside.site.tariff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a tariff schedule on entry and names the field of every problem, so that it can be fixed at once. */
public final class TariffValidator {

    private static final int QUARTERS_PER_DAY = 96;
    private static final int LAST_DUE_DAY = 28;
    /**
     * The largest figures a tariff takes, far above any real one, so that rating cannot overflow: a price of 10^8
     * minor units a kWh (in ten-thousandths), a charge of 10^10 minor units, a tax of 1,000%.
     */
    static final long MAX_PRICE = 1_000_000_000_000L;
    static final long MAX_AMOUNT_MINOR = 10_000_000_000L;
    static final long MAX_BASIS_POINTS = 100_000L;

    private final TariffSchedule schedule;
    private final List<TariffProblem> problems = new ArrayList<>();

    private TariffValidator(TariffSchedule schedule) {
        this.schedule = schedule;
    }

    /** Every problem of {@code schedule}, in the order of its fields; empty when it can be used. */
    public static List<TariffProblem> problems(TariffSchedule schedule) {
        TariffValidator validator = new TariffValidator(schedule);
        validator.checkSchedule();
        return List.copyOf(validator.problems);
    }

    private void checkSchedule() {
        if (schedule.tariffId() == null || schedule.tariffId().isBlank()) {
            problem("tariffId", "tariff.required", "is required");
        }
        if (!knownCurrency(schedule.currency())) {
            problem("currency", "tariff.currency.code", "must be an ISO 4217 code such as KES, was "
                    + schedule.currency(), schedule.currency());
        }
        if (schedule.versions().isEmpty()) {
            problem("versions", "tariff.versions.empty", "must hold at least one version");
        }
        for (int i = 0; i < schedule.versions().size(); i++) {
            checkVersion("versions[" + i + "]", i);
        }
    }

    private void checkVersion(String path, int index) {
        TariffVersion version = schedule.versions().get(index);
        checkEffectiveFrom(path, index, version);
        if (knownCurrency(schedule.currency()) && !schedule.currency().equals(version.currency())) {
            problem(path + ".currency", "tariff.currency.other", "must be the tariff's currency "
                    + schedule.currency() + ", was " + version.currency(), schedule.currency(), version.currency());
        }
        checkBlocks(path, version);
        checkBands(path, version.tou());
        checkStanding(path + ".standing", version.standing());
        if (version.minimumMonthlyMinor() != null) {
            within(path + ".minimumMonthlyMinor", version.minimumMonthlyMinor(), MAX_AMOUNT_MINOR);
        }
        checkChargeLines(path, version.charges());
        if (version.lifelinePowerLimitWatts() != null && version.lifelinePowerLimitWatts() <= 0) {
            problem(path + ".lifelinePowerLimitWatts", "tariff.positive",
                    "must be positive, was " + version.lifelinePowerLimitWatts(), version.lifelinePowerLimitWatts());
        }
    }

    private void checkEffectiveFrom(String path, int index, TariffVersion version) {
        if (version.effectiveFrom() == null) {
            problem(path + ".effectiveFrom", "tariff.required", "is required");
            return;
        }
        TariffVersion previous = index > 0 ? schedule.versions().get(index - 1) : null;
        if (previous != null && previous.effectiveFrom() != null
                && !version.effectiveFrom().isAfter(previous.effectiveFrom())) {
            problem(path + ".effectiveFrom", "tariff.effectiveFrom.order", "must be after the previous version's "
                    + previous.effectiveFrom() + " (versions are listed oldest first), was " + version.effectiveFrom(),
                    previous.effectiveFrom(), version.effectiveFrom());
        }
    }

    private void checkBlocks(String path, TariffVersion version) {
        List<Block> blocks = version.blocks();
        if (blocks.isEmpty()) {
            problem(path + ".blocks", "tariff.blocks.empty",
                    "must hold at least one block; a flat price is one open block");
        }
        long previousEnd = 0;
        for (int j = 0; j < blocks.size(); j++) {
            String field = path + ".blocks[" + j + "]";
            Block block = blocks.get(j);
            within(field + ".price", block.price(), MAX_PRICE);
            if (block.lifeline() && j > 0) {
                problem(field + ".lifeline", "tariff.lifeline.first", "only the first block can be a lifeline block");
            }
            boolean last = j == blocks.size() - 1;
            if (last && block.upToWh() != null) {
                problem(field + ".upToWh", "tariff.upToWh.last", "must be absent: the last block is open, was "
                        + block.upToWh(), block.upToWh());
            } else if (!last && block.upToWh() == null) {
                problem(field + ".upToWh", "tariff.upToWh.required", "is required on every block but the last");
            } else if (!last && block.upToWh() <= previousEnd) {
                problem(field + ".upToWh", "tariff.upToWh.order", "must be above the previous block's end "
                        + previousEnd + " Wh (blocks are listed in order), was " + block.upToWh(), previousEnd,
                        block.upToWh());
            }
            previousEnd = block.upToWh() == null ? previousEnd : Math.max(previousEnd, block.upToWh());
        }
        if (blocks.size() > 1 && version.blockReset() == null) {
            problem(path + ".blockReset", "tariff.blockReset.required",
                    "is required with more than one block: DAILY or MONTHLY");
        }
    }

    private void checkBands(String path, List<TouBand> bands) {
        if (bands.isEmpty()) {
            return;
        }
        int[][] owner = new int[DayType.values().length][QUARTERS_PER_DAY];
        for (int[] day : owner) {
            Arrays.fill(day, -1);
        }
        for (int k = 0; k < bands.size(); k++) {
            checkBand(path + ".tou[" + k + "]", bands.get(k), k, owner);
        }
        for (DayType day : DayType.values()) {
            reportGaps(path + ".tou", day, owner[day.ordinal()]);
        }
    }

    private void checkBand(String field, TouBand band, int k, int[][] owner) {
        within(field + ".price", band.price(), MAX_PRICE);
        int from = TouBand.quarterOf(band.from());
        int to = TouBand.quarterOf(band.to());
        if (band.day() == null) {
            problem(field + ".day", "tariff.day.required", "is required: WEEKDAY, SATURDAY or SUNDAY_OR_HOLIDAY");
        }
        if (from < 0 || from == QUARTERS_PER_DAY) {
            problem(field + ".from", "tariff.from.time", "must be a time HH:MM on the quarter hour, was " + band.from(),
                    band.from());
        }
        if (to < 0) {
            problem(field + ".to", "tariff.to.time", "must be a time HH:MM on the quarter hour, or 24:00, was "
                    + band.to(), band.to());
        } else if (from >= 0 && to <= from) {
            problem(field + ".to", "tariff.to.order", "must be after from " + band.from() + ", was " + band.to(),
                    band.from(), band.to());
        }
        if (band.day() == null || from < 0 || to <= from) {
            return;
        }
        int[] quarters = owner[band.day().ordinal()];
        boolean reported = false;
        for (int q = from; q < to; q++) {
            if (quarters[q] >= 0 && !reported) {
                problem(field, "tariff.tou.overlap", "overlaps tou[" + quarters[q] + "] on " + band.day() + " at "
                        + time(q), String.valueOf(quarters[q]), band.day(), time(q));
                reported = true;
            } else if (quarters[q] < 0) {
                quarters[q] = k;
            }
        }
    }

    private void reportGaps(String field, DayType day, int[] quarters) {
        int q = 0;
        while (q < QUARTERS_PER_DAY) {
            if (quarters[q] >= 0) {
                q++;
                continue;
            }
            int start = q;
            while (q < QUARTERS_PER_DAY && quarters[q] < 0) {
                q++;
            }
            problem(field, "tariff.tou.gap", "no band covers " + day + " from " + time(start) + " to " + time(q), day,
                    time(start), time(q));
        }
    }

    private void checkStanding(String field, StandingCharge standing) {
        if (standing == null) {
            return;
        }
        within(field + ".amountMinor", standing.amountMinor(), MAX_AMOUNT_MINOR);
        if (standing.period() == null) {
            problem(field + ".period", "tariff.period.required", "is required: DAILY or MONTHLY");
        } else if (standing.period() == Period.MONTHLY
                && (standing.dueDay() == null || standing.dueDay() < 1 || standing.dueDay() > LAST_DUE_DAY)) {
            problem(field + ".dueDay", "tariff.dueDay.range", "must be a day of the month from 1 to " + LAST_DUE_DAY
                    + ", was " + standing.dueDay(), LAST_DUE_DAY, standing.dueDay());
        } else if (standing.period() == Period.DAILY && standing.dueDay() != null) {
            problem(field + ".dueDay", "tariff.dueDay.daily", "must be absent for a daily charge, was "
                    + standing.dueDay(), standing.dueDay());
        }
    }

    private void checkChargeLines(String path, List<ChargeLine> lines) {
        Set<String> names = new HashSet<>();
        for (int j = 0; j < lines.size(); j++) {
            String field = path + ".charges[" + j + "]";
            ChargeLine line = lines.get(j);
            if (line.name() == null || line.name().isBlank()) {
                problem(field + ".name", "tariff.required", "is required");
            } else if (!names.add(line.name())) {
                problem(field + ".name", "tariff.name.repeated", "repeats the name of another line: " + line.name(),
                        line.name());
            }
            if (line.kind() == null) {
                problem(field + ".kind", "tariff.kind.required", "is required: TAX or LEVY");
            }
            if ((line.basisPoints() == null) == (line.price() == null)) {
                boolean neither = line.price() == null;
                problem(field, neither ? "tariff.charge.neither" : "tariff.charge.both", "must have either basisPoints"
                        + " (a percentage) or price (per kWh), not " + (neither ? "neither" : "both"));
            }
            if (line.basisPoints() != null) {
                within(field + ".basisPoints", line.basisPoints(), MAX_BASIS_POINTS);
            }
            if (line.price() != null) {
                within(field + ".price", line.price(), MAX_PRICE);
            }
        }
    }

    private void within(String field, long value, long max) {
        if (value < 0) {
            problem(field, "tariff.negative", "must not be negative, was " + value, value);
        } else if (value > max) {
            problem(field, "tariff.max", "must be at most " + max + ", was " + value, max, value);
        }
    }

    private void problem(String field, String reason, String message, Object... values) {
        problems.add(new TariffProblem(field, message, reason, values));
    }

    private static boolean knownCurrency(String code) {
        try {
            return code != null && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String time(int quarter) {
        return String.format("%02d:%02d", quarter / 4, quarter % 4 * 15);
    }
}
