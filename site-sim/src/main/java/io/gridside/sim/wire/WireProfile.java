package io.gridside.sim.wire;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What an emulated wire does, each direction on its own, and the seed its faults are drawn from: the same seed
 * and the same bytes give the same faults.
 *
 * @param toGateway what happens to the bytes the console sends
 * @param toConsole what happens to the bytes the gateway sends
 * @param seed the seed of every random fault
 * @param cutAfter the wire is cut this long after it opens, on its clock; null for never
 */
public record WireProfile(LineProfile toGateway, LineProfile toConsole, long seed, Duration cutAfter) {

    public WireProfile {
        Objects.requireNonNull(toGateway, "toGateway");
        Objects.requireNonNull(toConsole, "toConsole");
        if (cutAfter != null && cutAfter.isNegative()) {
            throw new IllegalArgumentException("cutAfter must not be negative, was " + cutAfter);
        }
    }

    /** A wire that passes every byte at once, as the tests' unthrottled links do. */
    public static WireProfile unlimited() {
        return both(LineProfile.UNLIMITED);
    }

    /** A clean serial line at {@code baud}, 8N1, both ways. */
    public static WireProfile uart(long baud) {
        return both(LineProfile.uart(baud));
    }

    /** The same line both ways, seed 0, never cut. */
    public static WireProfile both(LineProfile line) {
        return new WireProfile(line, line, 0, null);
    }

    /** Changes both directions alike. */
    public WireProfile map(UnaryOperator<LineProfile> change) {
        return new WireProfile(change.apply(toGateway), change.apply(toConsole), seed, cutAfter);
    }

    public WireProfile withLatency(Duration latency) {
        return map(line -> line.withLatency(latency));
    }

    public WireProfile withCorruption(double chance) {
        return map(line -> line.withCorruption(chance));
    }

    public WireProfile withFrameLoss(double chance) {
        return map(line -> line.withFrameLoss(chance));
    }

    public WireProfile withToGateway(LineProfile line) {
        return new WireProfile(line, toConsole, seed, cutAfter);
    }

    public WireProfile withToConsole(LineProfile line) {
        return new WireProfile(toGateway, line, seed, cutAfter);
    }

    public WireProfile withSeed(long value) {
        return new WireProfile(toGateway, toConsole, value, cutAfter);
    }

    public WireProfile withCutAfter(Duration value) {
        return new WireProfile(toGateway, toConsole, seed, value);
    }
}
