package io.gridside.site.replay;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a site stood at one instant, as its event log tells it: per meter, whether it had power, whether its
 * messages reached the gateway, its parent in the mesh and its relay; and the gateway's and the plant's state.
 * Immutable; meters are addressed by their index in {@link #meterIds()}.
 */
public final class SiteState {

    /** The gateway's and the mini-grid plant's state at the instant. */
    public record Plant(boolean gatewayUp, boolean backhaulUp, boolean batteryLow, boolean inverterTripped,
            boolean generatorFailed, Set<String> sheddingFeeders, boolean interference) {

        public Plant {
            sheddingFeeders = Set.copyOf(sheddingFeeders);
        }

        /** A gateway and plant with nothing wrong. */
        public static final Plant NORMAL = new Plant(true, true, false, false, false, Set.of(), false);
    }

    private final Instant at;
    private final List<String> meterIds;
    private final Map<String, Integer> index;
    private final boolean[] powered;
    private final boolean[] talking;
    private final String[] parents;
    private final RelayHold[] relays;
    private final Plant plant;
    private final long lastEventId;

    /**
     * @param meterIds the site's meters, in order; the arrays are by the same index
     * @param index each meter's index, by id; shared between states of one replay, never changed
     * @param lastEventId the gateway's number of the last event applied, 0 when none was
     */
    public SiteState(Instant at, List<String> meterIds, Map<String, Integer> index, boolean[] powered,
            boolean[] talking, String[] parents, RelayHold[] relays, Plant plant, long lastEventId) {
        this.at = Objects.requireNonNull(at, "at");
        this.meterIds = List.copyOf(meterIds);
        this.index = Collections.unmodifiableMap(index);
        int count = meterIds.size();
        if (powered.length != count || talking.length != count || parents.length != count
                || relays.length != count) {
            throw new IllegalArgumentException("every array must hold one value per meter (" + count + ")");
        }
        this.powered = powered.clone();
        this.talking = talking.clone();
        this.parents = parents.clone();
        this.relays = relays.clone();
        this.plant = Objects.requireNonNull(plant, "plant");
        this.lastEventId = lastEventId;
    }

    /** Each id's index in {@code meterIds}, for states built from the same list. */
    public static Map<String, Integer> indexOf(List<String> meterIds) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < meterIds.size(); i++) {
            index.put(meterIds.get(i), i);
        }
        return index;
    }

    public Instant at() {
        return at;
    }

    public List<String> meterIds() {
        return meterIds;
    }

    /** The meter's index, or -1 for a meter the site does not have. */
    public int indexOf(String meterId) {
        return index.getOrDefault(meterId, -1);
    }

    /** Whether the meter had power. */
    public boolean powered(int meter) {
        return powered[meter];
    }

    /** Whether the meter's messages reached the gateway: it had power, a route, and the gateway was up. */
    public boolean talking(int meter) {
        return talking[meter] && powered[meter] && plant.gatewayUp();
    }

    /** The meter's parent in the mesh (a meter or the gateway), or null when it had none known. */
    public String parent(int meter) {
        return parents[meter];
    }

    public RelayHold relay(int meter) {
        return relays[meter];
    }

    /** Whether the meter's customer had supply: the meter had power and its relay was closed. */
    public boolean supplied(int meter) {
        return powered[meter] && relays[meter] == RelayHold.NONE;
    }

    public Plant plant() {
        return plant;
    }

    /** The gateway's number of the last event the state includes, 0 when none. */
    public long lastEventId() {
        return lastEventId;
    }

    /** How many meters had power. */
    public int poweredCount() {
        int count = 0;
        for (boolean on : powered) {
            count += on ? 1 : 0;
        }
        return count;
    }

    /** How many meters' messages reached the gateway. */
    public int talkingCount() {
        int count = 0;
        for (int i = 0; i < powered.length; i++) {
            count += talking(i) ? 1 : 0;
        }
        return count;
    }

    /** Whether two states say the same of every meter and of the plant, whatever their instants. */
    public boolean sameAs(SiteState other) {
        return meterIds.equals(other.meterIds) && java.util.Arrays.equals(powered, other.powered)
                && java.util.Arrays.equals(talking, other.talking) && java.util.Arrays.equals(parents, other.parents)
                && java.util.Arrays.equals(relays, other.relays) && plant.equals(other.plant);
    }
}
