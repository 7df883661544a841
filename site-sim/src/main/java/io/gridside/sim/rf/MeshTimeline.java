package io.gridside.sim.rf;

import io.gridside.site.Reading;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * A site's mesh from the start of its history on: the live network, moved a quarter hour at a time, and a few
 * daily checkpoints from which the mesh at any earlier quarter hour is replayed exactly. Memory stays flat however
 * long the site runs: older times replay from the start, which costs time, not memory. Not thread-safe.
 */
public final class MeshTimeline {

    private static final int KEPT_CHECKPOINTS = 7;
    private static final Duration CHECKPOINT_EVERY = Duration.ofDays(1);

    private final MeshNetwork live;
    private final Instant start;
    private final MeshNetwork.Checkpoint first;
    private final Deque<MeshNetwork.Checkpoint> recent = new ArrayDeque<>();

    /** A mesh that forms at {@code start}, the end of its first quarter hour. */
    public MeshTimeline(MeshPlan plan, Instant start) {
        this.live = new MeshNetwork(plan);
        this.start = start;
        live.update(start);
        this.first = live.checkpoint();
    }

    public MeshNetwork live() {
        return live;
    }

    /** Moves the live mesh on to the quarter hour ending at {@code at}. */
    public void advance(Instant at) {
        live.update(at);
        Instant last = recent.isEmpty() ? start : recent.peekLast().at();
        if (!at.isBefore(last.plus(CHECKPOINT_EVERY))) {
            recent.addLast(live.checkpoint());
            if (recent.size() > KEPT_CHECKPOINTS) {
                recent.removeFirst();
            }
        }
    }

    /**
     * Schedules interference (see {@link RadioEnvironment#interfere}). The mesh's past stays as it was: a window
     * that starts before the live mesh's last update starts just after it instead, so a replay of any earlier time
     * still gives what the live mesh gave then.
     *
     * @throws IllegalArgumentException for a window that ends before then
     */
    public InterferenceWindow interfere(GeoPoint centre, double radiusMetres, double extraDb, Instant from,
            Instant to) {
        return live.environment().interfere(centre, radiusMetres, extraDb, notInThePast(from, to), to);
    }

    /**
     * Makes a meter's radio go quiet (see {@link MeshNetwork#silence}), from no earlier than just after the live
     * mesh's last update, so the mesh's past stays as it was.
     *
     * @throws IllegalArgumentException for an unknown meter, or a silence that ends before then
     */
    public void silence(String meterId, Instant from, Instant to) {
        live.silence(meterId, notInThePast(from, to), to);
    }

    private Instant notInThePast(Instant from, Instant to) {
        Instant next = live.updatedAt().plusSeconds(1);
        if (!to.isAfter(next)) {
            throw new IllegalArgumentException("The mesh has already run up to " + live.updatedAt() + "; a change "
                    + "that ends at " + to + " would change only its past.");
        }
        return from.isBefore(next) ? next : from;
    }

    /**
     * The mesh as it stood at {@code at}: as its last update at or before then left it. {@code at} may be anything
     * from the start to just before the live mesh's next update.
     */
    public MeshTopology topologyAt(Instant at) {
        Instant now = live.updatedAt();
        if (at.isBefore(start) || !at.isBefore(now.plus(Reading.INTERVAL))) {
            throw new IllegalArgumentException("The mesh's history runs from " + start + " to " + now + "; " + at
                    + " is outside it.");
        }
        long step = Reading.INTERVAL.toSeconds();
        Instant target = start.plusSeconds(Math.floorDiv(Duration.between(start, at).getSeconds(), step) * step);
        if (target.equals(now)) {
            return live.topology();
        }
        MeshNetwork.Checkpoint from = first;
        for (MeshNetwork.Checkpoint checkpoint : recent) {
            if (!checkpoint.at().isAfter(target)) {
                from = checkpoint;
            }
        }
        MeshNetwork replay = live.resume(from);
        for (Instant t = from.at().plus(Reading.INTERVAL); !t.isAfter(target); t = t.plus(Reading.INTERVAL)) {
            replay.update(t);
        }
        return replay.topology();
    }

    /**
     * Replays the mesh from {@code from} to {@code to}: hands on the mesh as it stood at {@code from} (as
     * {@link #topologyAt} gives it), then after every later update up to {@code to}, in time order, those with only
     * the links in use ({@link MeshNetwork#routes}). One replay costs about what one {@link #topologyAt} does, however
     * many updates it hands on.
     *
     * @throws IllegalArgumentException for times outside the mesh's history
     */
    public void replay(Instant from, Instant to, Consumer<MeshTopology> each) {
        Instant first = updateAtOrBefore(from);
        Instant last = updateAtOrBefore(to);
        MeshNetwork.Checkpoint checkpoint = this.first;
        for (MeshNetwork.Checkpoint kept : recent) {
            if (!kept.at().isAfter(first)) {
                checkpoint = kept;
            }
        }
        MeshNetwork replay = live.resume(checkpoint);
        for (Instant t = checkpoint.at().plus(Reading.INTERVAL); !t.isAfter(first); t = t.plus(Reading.INTERVAL)) {
            replay.update(t);
        }
        each.accept(replay.topology());
        for (Instant t = first.plus(Reading.INTERVAL); !t.isAfter(last); t = t.plus(Reading.INTERVAL)) {
            replay.update(t);
            each.accept(replay.routes());
        }
    }

    /** The update at or before {@code at}, which must lie in the mesh's history. */
    private Instant updateAtOrBefore(Instant at) {
        Instant now = live.updatedAt();
        if (at.isBefore(start) || !at.isBefore(now.plus(Reading.INTERVAL))) {
            throw new IllegalArgumentException("The mesh's history runs from " + start + " to " + now + "; " + at
                    + " is outside it.");
        }
        long step = Reading.INTERVAL.toSeconds();
        return start.plusSeconds(Math.floorDiv(Duration.between(start, at).getSeconds(), step) * step);
    }
}
