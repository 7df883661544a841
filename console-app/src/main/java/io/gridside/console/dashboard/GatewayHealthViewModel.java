package io.gridside.console.dashboard;

import io.gridside.console.I18n;
import io.gridside.console.Retext;
import io.gridside.link.message.GatewayHealth;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The gateway health card's figures: the latest report in words, and the recent reports as series for the
 * card's small history lines. Recomputed whenever a report arrives; JavaFX thread only.
 */
public final class GatewayHealthViewModel implements Retext {

    private static final double KIB_PER_MIB = 1024;

    private final ObservableList<GatewayHealth> history;
    private final ReadOnlyStringWrapper uptime = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper load = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper memory = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper queue = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper meshQueue = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper burst = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper losses = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper backhaul = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper clockOffset = new ReadOnlyStringWrapper();

    /** @param history the gateway's last health reports, oldest first, as the session keeps them */
    public GatewayHealthViewModel(ObservableList<GatewayHealth> history) {
        this.history = history;
        history.addListener((ListChangeListener<GatewayHealth>) change -> describeLatest());
        describeLatest();
    }

    /** Describes the latest report again, in the language now in use. */
    @Override
    public void retext() {
        describeLatest();
    }

    private void describeLatest() {
        GatewayHealth latest = history.isEmpty() ? null : history.get(history.size() - 1);
        if (latest == null) {
            uptime.set(I18n.text("dashboard.health.none"));
            List.of(load, memory, queue, meshQueue, burst, losses, backhaul, clockOffset)
                    .forEach(text -> text.set(""));
            return;
        }
        uptime.set(I18n.text("dashboard.health.uptime", uptimeText(latest.uptimeSeconds())));
        load.set(I18n.text("dashboard.health.load", Math.round(latest.loadPerMille() / 10.0)));
        memory.set(I18n.text("dashboard.health.memory", Math.round(latest.memoryUsedKib() / KIB_PER_MIB),
                Math.round(latest.memoryTotalKib() / KIB_PER_MIB)));
        queue.set(I18n.text("dashboard.health.queue", latest.intakeQueueDepth()));
        meshQueue.set(I18n.text("dashboard.health.mesh", latest.meshQueueDepth()));
        describeTraffic(latest.traffic());
        backhaul.set(I18n.text("dashboard.health.backhaul." + latest.backhaul(), latest.signalDbm()));
        clockOffset.set(latest.clockOffsetMillis() == null ? I18n.text("dashboard.health.clock.unchecked")
                : I18n.text("dashboard.health.clock", latest.clockOffsetMillis()));
    }

    /** The last quarter hour that ended: its burst and queues, then what it lost and how long readings took. */
    private void describeTraffic(List<GatewayHealth.Traffic> traffic) {
        if (traffic.isEmpty()) {
            burst.set(I18n.text("dashboard.health.burst.none"));
            losses.set("");
            return;
        }
        GatewayHealth.Traffic last = traffic.get(traffic.size() - 1);
        String at = last.deepestMeshNode() == null ? "" : I18n.text("dashboard.health.burst.at",
                last.deepestMeshNode());
        burst.set(I18n.text("dashboard.health.burst", last.burstPer10s(), last.peakIntakeDepth(),
                last.deepestMeshQueue(), at));
        losses.set(I18n.text("dashboard.health.losses", last.meshDropped(), last.intakeDropped(), last.retries(),
                last.holds(), last.medianLatencyMillis(), last.worstLatencyMillis()));
    }

    /** Days and hours, or hours and minutes, or minutes: as precise as a technician needs. */
    static String uptimeText(long seconds) {
        Duration up = Duration.ofSeconds(seconds);
        if (up.toDays() > 0) {
            return I18n.text("dashboard.health.days", up.toDays(), up.toHoursPart());
        }
        if (up.toHours() > 0) {
            return I18n.text("dashboard.health.hours", up.toHours(), up.toMinutesPart());
        }
        return I18n.text("dashboard.health.minutes", up.toMinutes());
    }

    /** The recent reports' values of one figure, oldest first; NaN where a report has none. */
    public List<Double> series(ToDoubleFunction<GatewayHealth> figure) {
        return history.stream().map(health -> figure.applyAsDouble(health)).toList();
    }

    /**
     * One figure of each quarter hour of traffic the latest report carries, oldest first: the gateway keeps these
     * itself, so they reach back two hours however recently the console connected.
     */
    public List<Double> trafficSeries(ToDoubleFunction<GatewayHealth.Traffic> figure) {
        if (history.isEmpty()) {
            return List.of();
        }
        return history.get(history.size() - 1).traffic().stream().map(figure::applyAsDouble).toList();
    }

    /** The backhaul's signal in each recent report, NaN while it was not up. */
    public List<Double> signalSeries() {
        return series(health -> health.signalDbm() == null ? Double.NaN : health.signalDbm());
    }

    public ObservableList<GatewayHealth> history() {
        return history;
    }

    public ReadOnlyStringProperty uptimeProperty() {
        return uptime.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadProperty() {
        return load.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryProperty() {
        return memory.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queueProperty() {
        return queue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty meshQueueProperty() {
        return meshQueue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty burstProperty() {
        return burst.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lossesProperty() {
        return losses.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backhaulProperty() {
        return backhaul.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty clockOffsetProperty() {
        return clockOffset.getReadOnlyProperty();
    }
}
