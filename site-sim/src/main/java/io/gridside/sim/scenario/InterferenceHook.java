package io.gridside.sim.scenario;

import java.time.Instant;
import java.util.List;

/**
 * Where an interference step reaches the site's radio model: the noise floor around some meters rises for a
 * while. A radio model that raises its noise floor and lets the links' packet success follow answers true; until
 * one is plugged in ({@link #NONE}), the scenario stands in for it and cuts the meters' links outright when the
 * rise is at least {@link ScenarioRunner#JAMMING_RISE_DB}.
 */
@FunctionalInterface
public interface InterferenceHook {

    /** No radio model takes interference: the scenario's stand-in applies. */
    InterferenceHook NONE = (meterIds, riseDb, from, to) -> false;

    /**
     * Raises the noise floor around {@code meterIds} by {@code riseDb} from {@code from} until {@code to}.
     *
     * @return whether the radio model takes care of it, so that the scenario need not
     */
    boolean raiseNoise(List<String> meterIds, double riseDb, Instant from, Instant to);
}
