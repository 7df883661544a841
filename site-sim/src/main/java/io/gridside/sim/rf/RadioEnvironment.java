package io.gridside.sim.rf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The noise the site's radios hear over time: each radio's own floor, raised by the interference windows that
 * cover it. Windows are a schedule: they may be set ahead, and a replay of the same time sees the same windows.
 * Not thread-safe; its owner guards it.
 */
public final class RadioEnvironment {

    private final RadioNodes nodes;
    private final LocalFrame frame;
    private final List<InterferenceWindow> windows = new ArrayList<>();

    RadioEnvironment(RadioNodes nodes, LocalFrame frame) {
        this.nodes = nodes;
        this.frame = frame;
    }

    /**
     * Raises the noise floor by {@code extraDb} at every radio within {@code radiusMetres} of {@code centre}, from
     * {@code from} until {@code to}. Overlapping windows add up as powers do.
     */
    public InterferenceWindow interfere(GeoPoint centre, double radiusMetres, double extraDb, Instant from,
            Instant to) {
        InterferenceWindow window = new InterferenceWindow(centre, radiusMetres, extraDb, from, to);
        windows.add(window);
        return window;
    }

    public List<InterferenceWindow> windows() {
        return List.copyOf(windows);
    }

    /** Fills {@code floorDbm} with every radio's noise floor at {@code epochSecond}, gateway last. */
    void noiseFloors(long epochSecond, double[] floorDbm) {
        double[] extraPower = new double[nodes.count()];
        for (InterferenceWindow window : windows) {
            if (window.activeAt(epochSecond)) {
                addWindow(window, extraPower);
            }
        }
        for (int node = 0; node < nodes.count(); node++) {
            floorDbm[node] = extraPower[node] == 0 ? nodes.floorDbm(node)
                    : nodes.floorDbm(node) + 10 * StrictMath.log10(1 + extraPower[node]);
        }
    }

    /** Adds the window's power above the floor, as a ratio, at each radio it covers. */
    private void addWindow(InterferenceWindow window, double[] extraPower) {
        double east = frame.east(window.centre());
        double north = frame.north(window.centre());
        double ratio = StrictMath.pow(10, window.extraDb() / 10) - 1;
        for (int node = 0; node < nodes.count(); node++) {
            if (Math.hypot(nodes.east(node) - east, nodes.north(node) - north) <= window.radiusMetres()) {
                extraPower[node] += ratio;
            }
        }
    }
}
