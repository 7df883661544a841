package io.gridside.billing.vee;

import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import io.gridside.site.vee.ReadRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks one meter's raw reads, in time order, against the rules of VEE; a read that breaks one goes to the
 * exceptions queue with the figures, never silently dropped, and the good ones come out on their quarter hours.
 *
 * <p>The rules, in the order they are checked:
 * <ol>
 *   <li>{@link ReadRule#FUTURE_READ}: the read is more than {@link #CLOCK_TOLERANCE} after the gateway's clock.</li>
 *   <li>{@link ReadRule#CLOCK_SKEW}: the read is more than {@link #CLOCK_TOLERANCE} from the quarter hour that a
 *       meter reads on, or falls on the quarter hour of the good read before it.</li>
 *   <li>{@link ReadRule#REGISTER_BACKWARDS}: the register is below the good read's before it.</li>
 *   <li>{@link ReadRule#IMPOSSIBLE_JUMP}: the register rose more than the meter's rating lets it in the time
 *       since the good read before it ({@link MeterRating#maxWh}).</li>
 * </ol>
 * A read that breaks a rule is not the "read before" of the next: each read is judged against the last good one.
 */
public final class ReadValidator {

    /** How far a read's time may stray from the quarter hour, or run ahead of the gateway's clock. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(60);

    private static final long INTERVAL_SECONDS = 900;

    private final MeterRating rating;
    private final Instant gatewayClock;

    public ReadValidator(MeterRating rating, Instant gatewayClock) {
        this.rating = Objects.requireNonNull(rating, "rating");
        this.gatewayClock = Objects.requireNonNull(gatewayClock, "gatewayClock");
    }

    /**
     * The outcome of checking one meter's reads.
     *
     * @param accepted the good reads, each moved to the quarter hour it was taken on, in time order
     * @param exceptions the reads that broke a rule, with the rule and figures
     */
    public record Checked(List<RawRead> accepted, List<ReadException> exceptions) {

        public Checked {
            accepted = List.copyOf(accepted);
            exceptions = List.copyOf(exceptions);
        }
    }

    /** Checks {@code reads}, all of one meter, in time order. */
    public Checked check(List<RawRead> reads) {
        List<RawRead> accepted = new ArrayList<>();
        List<ReadException> exceptions = new ArrayList<>();
        RawRead last = null;
        for (RawRead read : reads) {
            RawRead onQuarterHour = onQuarterHour(read);
            ReadException broken = brokenRule(read, onQuarterHour, last);
            if (broken != null) {
                exceptions.add(broken);
            } else {
                accepted.add(onQuarterHour);
                last = onQuarterHour;
            }
        }
        return new Checked(accepted, exceptions);
    }

    private ReadException brokenRule(RawRead read, RawRead onQuarterHour, RawRead last) {
        if (read.at().isAfter(gatewayClock.plus(CLOCK_TOLERANCE))) {
            return new ReadException(read, ReadRule.FUTURE_READ, "read at " + read.at() + ", "
                    + Duration.between(gatewayClock, read.at()).toSeconds() + " s after the gateway's clock ("
                    + gatewayClock + "); at most " + CLOCK_TOLERANCE.toSeconds() + " s is allowed");
        }
        long skew = read.at().getEpochSecond() - onQuarterHour.at().getEpochSecond();
        if (Math.abs(skew) > CLOCK_TOLERANCE.toSeconds()) {
            return new ReadException(read, ReadRule.CLOCK_SKEW, "read at " + read.at() + ", " + skew
                    + " s from the quarter hour " + onQuarterHour.at() + "; at most " + CLOCK_TOLERANCE.toSeconds()
                    + " s is allowed");
        }
        if (last == null) {
            return null;
        }
        if (!onQuarterHour.at().isAfter(last.at())) {
            return new ReadException(read, ReadRule.CLOCK_SKEW, "read at " + read.at() + " falls on the quarter hour "
                    + onQuarterHour.at() + ", not after the good read before it at " + last.at());
        }
        if (read.registerWh() < last.registerWh()) {
            return new ReadException(read, ReadRule.REGISTER_BACKWARDS, "register " + read.registerWh()
                    + " Wh is " + (last.registerWh() - read.registerWh()) + " Wh below " + last.registerWh()
                    + " Wh read at " + last.at());
        }
        Duration elapsed = Duration.between(last.at(), onQuarterHour.at());
        long rise = read.registerWh() - last.registerWh();
        long most = rating.maxWh(elapsed);
        if (rise > most) {
            return new ReadException(read, ReadRule.IMPOSSIBLE_JUMP, "register rose " + rise + " Wh in "
                    + elapsed.toMinutes() + " min since " + last.at() + "; a " + rating.maxCurrentAmps()
                    + " A meter at " + rating.nominalVolts() + " V registers at most " + most + " Wh in that time");
        }
        return null;
    }

    /** The read moved to the quarter hour nearest its time, where the meter meant to take it. */
    private static RawRead onQuarterHour(RawRead read) {
        long seconds = read.at().getEpochSecond();
        long nearest = Math.floorDiv(seconds + INTERVAL_SECONDS / 2, INTERVAL_SECONDS) * INTERVAL_SECONDS;
        return new RawRead(read.meterId(), Instant.ofEpochSecond(nearest), read.registerWh());
    }
}
