package io.gridside.sim;

import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import io.gridside.sim.scenario.ScenarioRunner;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalLong;

/**
 * The simulated gateway's read of a meter's register on demand, over the mesh, between its quarter hours: what a
 * move-out without a typed final register bills as its final reading.
 *
 * <p>A meter answers while it has power and a route, as a relay command reaches it. Its register then holds what it
 * counted up to the last quarter hour's end and, of the quarter hour under way, its load's draw for that quarter
 * hour pro rata to the time elapsed: the same draw, from the same seed, that the quarter hour's reading at its end
 * counts, so that the share read now and the rest the end's reading bills add up to the quarter hour's energy (see
 * {@link Places#drawQuarterHour}). Not thread-safe: the gateway holds its lock.
 */
final class RegisterReads {

    private final long seed;
    private final SiteLayout layout;
    private final ZoneId zone;
    private final Places places;
    private final RelayCommands relays;
    private final ScenarioRunner scenario;
    private final LoadProfile.Sample sample = new LoadProfile.Sample();

    RegisterReads(long seed, SiteLayout layout, Places places, RelayCommands relays, ScenarioRunner scenario) {
        this.seed = seed;
        this.layout = layout;
        this.zone = layout.site().zone();
        this.places = places;
        this.relays = relays;
        this.scenario = scenario;
    }

    /**
     * The register of the meter in place {@code index} at {@code at}, in the quarter hour that began at
     * {@code lastTick}, as the meter answers a read; empty when the meter is off the mesh or without power, so
     * that it cannot answer.
     *
     * <p>Shortcoming: a reachable meter always answers at once; a real read crosses each hop with the link's
     * packet success and may time out, which the gateway would meet as an unreachable meter.
     */
    OptionalLong read(int index, Instant lastTick, Instant at) {
        if (!relays.reachable(index)) {
            return OptionalLong.empty();
        }
        double share = Math.min(1, (double) Duration.between(lastTick, at).toSeconds()
                / Reading.INTERVAL.toSeconds());
        return OptionalLong.of(places.readWithin(index, lastTick, meanWatts(index, lastTick), share));
    }

    /**
     * What the meter draws on average in the quarter hour from {@code start}, as the tick that ends it draws it
     * while its relay stays as it is: nothing behind an open relay or a supply the scenario cut.
     */
    private double meanWatts(int index, Instant start) {
        double supplied = scenario.suppliedShare(index, start);
        if (relays.relay(index) != RelayState.ON || supplied <= 0) {
            return 0;
        }
        layout.loads().get(index).sample(seed, index, LocalInterval.of(start, zone), sample);
        return sample.meanWatts * supplied;
    }
}
