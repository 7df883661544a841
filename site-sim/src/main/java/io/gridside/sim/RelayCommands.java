package io.gridside.sim;

import io.gridside.sim.scenario.EventLog;
import io.gridside.site.EventKind;
import io.gridside.site.RelayCommand;
import io.gridside.site.RelayCommand.Status;
import io.gridside.site.RelayState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's relay commands to its meters over the mesh, and the meters' relays that obey them.
 *
 * <p>A command goes down the meter's route and the meter acts on it and acknowledges it up the route; either
 * message may be lost. A command sent without an acknowledgement may have been acted on, so the gateway never
 * sends it again blindly: its next attempt reads the relay back, and only a relay found in the other state gets
 * the command again. Attempts back off (30 s, then doubling) and a round stops after {@value #ATTEMPTS_PER_ROUND}
 * of them; a failed round is logged, and another begins an hour later, with a read-back. A meter off the mesh (no
 * route, or no power) is not tried at all: its command waits, and no attempt is counted.
 *
 * <p>Whether a message crosses is drawn from the seed, the meter, the command and the exchange, so the same
 * inputs give the same history. Not thread-safe: the gateway calls it under its own lock.
 */
final class RelayCommands {

    private static final Logger LOG = LoggerFactory.getLogger(RelayCommands.class);

    /** The radio exchanges in one round of attempts: sends and read-backs alike. */
    static final int ATTEMPTS_PER_ROUND = 6;
    /** The wait after the first unanswered exchange of a round; each later one doubles it. */
    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(30);
    /** How long a failed command waits before a new round. */
    static final Duration NEXT_ROUND = Duration.ofHours(1);
    /** The time one exchange (a message down and its answer up) takes on the mesh. */
    private static final Duration EXCHANGE = Duration.ofSeconds(2);

    /** What the gateway knows of its meters' routes now. */
    interface Routes {

        /** Whether the meter has power and a route to the gateway, so that a message can reach it at all. */
        boolean reachable(int meter);

        /** The chance that one message crosses the meter's whole route, one way; from 0 to 1. */
        double oneWaySuccess(int meter);
    }

    /** Whether one message crosses; the seeded draw by default, scripted in tests. */
    interface Air {

        /**
         * @param exchange the command's exchange, from 0, across its rounds
         * @param up false for the message down to the meter, true for the answer up to the gateway
         */
        boolean crosses(int meter, long commandId, int exchange, boolean up, double success);

        static Air seeded(long seed) {
            return (meter, commandId, exchange, up, success) ->
                    Noise.unit(seed, meter, commandId, exchange * 2L + (up ? 1 : 0) + 0x5E1A_0000L) < success;
        }
    }

    /**
     * What the gateway's commands have done since it started: each command counted once when it settled, and every
     * send, read-back and failed round as it happened.
     *
     * @param acknowledged commands settled by an acknowledgement
     * @param confirmedByReadBack commands an acknowledgement never settled, but a read-back found acted on
     * @param sends every command sent, first sends and resends alike
     * @param resends sends after a read-back found the relay not in the wanted state
     */
    record Totals(long issued, long acknowledged, long confirmedByReadBack, long sends, long resends,
            long readBacks, long failedRounds, long waitsOffMesh) {
    }

    /** What a command settled or failed as, for the gateway's event log. */
    record Outcome(RelayCommand command, Instant at) {
    }

    private final Routes routes;
    private final Air air;
    private final IntFunction<String> meterIds;
    /** Each meter's relay as the meter holds it. */
    private final RelayState[] relays;
    /** Each meter's latest command, or null before its first. */
    private final Command[] latest;
    private long lastCommandId;
    private long acknowledged;
    private long confirmedByReadBack;
    private long sends;
    private long resends;
    private long readBacks;
    private long failedRounds;
    private long waitsOffMesh;

    /**
     * @param meters how many meters the site has; every relay starts closed (on)
     * @param meterIds the id of the meter at an index now, which an exchange changes
     */
    RelayCommands(int meters, Routes routes, Air air, IntFunction<String> meterIds) {
        this.routes = routes;
        this.air = air;
        this.meterIds = meterIds;
        this.relays = new RelayState[meters];
        Arrays.fill(relays, RelayState.ON);
        this.latest = new Command[meters];
    }

    /** The relay of the meter at {@code meter} as the meter holds it, whatever the gateway last asked. */
    RelayState relay(int meter) {
        return relays[meter];
    }

    /** Whether a message from the gateway can reach the meter at {@code meter} now: it has power and a route. */
    boolean reachable(int meter) {
        return routes.reachable(meter);
    }

    /**
     * Issues a command for the meter's relay at {@code at}; it replaces the meter's command that has not settled.
     *
     * @return the command's id
     */
    long issue(int meter, String customerId, RelayState wanted, Instant at, String reason) {
        Command previous = latest[meter];
        if (previous != null && previous.status.outstanding()) {
            previous.status = Status.SUPERSEDED;
            previous.nextAttemptAt = null;
        }
        Command command = new Command(++lastCommandId, meter, meterIds.apply(meter), customerId, wanted, at,
                reason);
        latest[meter] = command;
        return command.commandId;
    }

    /**
     * A new meter took the place of the one at {@code meter}: its relay is as it came, and the old meter's command
     * that has not settled is dropped with it.
     */
    void replaceMeter(int meter, RelayState relayOfNewMeter) {
        Command previous = latest[meter];
        if (previous != null && previous.status.outstanding()) {
            previous.status = Status.SUPERSEDED;
            previous.nextAttemptAt = null;
        }
        relays[meter] = relayOfNewMeter;
    }

    /**
     * Makes every attempt due before {@code to}, in meter order and each meter's in time order.
     *
     * @return the rounds that failed, and the commands settled by reading the relay back, in the order they did
     */
    List<Outcome> run(Instant from, Instant to) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Command command : latest) {
            if (command != null) {
                runOne(command, from, to, outcomes);
            }
        }
        return outcomes;
    }

    /**
     * {@link #run(Instant, Instant)}, logging each failed round as a {@code RELAY_COMMAND_FAILED} event of its
     * meter; a command settled by a read-back is seen in the command list alone.
     */
    void run(Instant from, Instant to, EventLog log) {
        for (Outcome outcome : run(from, to)) {
            RelayCommand command = outcome.command();
            if (command.status() == Status.FAILED) {
                log.add(outcome.at(), command.meterId(), EventKind.RELAY_COMMAND_FAILED, Map.of(
                        "commandId", String.valueOf(command.commandId()), "wanted", command.wanted().name(),
                        "round", String.valueOf(command.round() - 1), "reason", command.reason()), null);
                LOG.info("Relay command {} to meter {} went unanswered for a round; the next begins at {}.",
                        command.commandId(), command.meterId(), command.nextAttemptAt());
            }
        }
    }

    private void runOne(Command command, Instant from, Instant to, List<Outcome> outcomes) {
        while (command.nextAttemptAt != null && command.nextAttemptAt.isBefore(to)) {
            Instant at = command.nextAttemptAt.isBefore(from) ? from : command.nextAttemptAt;
            if (!routes.reachable(command.meter)) {
                waitsOffMesh += command.status == Status.WAITING_OFF_MESH ? 0 : 1;
                command.status = Status.WAITING_OFF_MESH;
                command.nextAttemptAt = to;
                return;
            }
            if (command.status == Status.FAILED || command.status == Status.WAITING_OFF_MESH) {
                command.status = command.everSent() ? Status.READ_BACK : Status.PENDING;
            }
            command.lastAttemptAt = at;
            command.attemptsThisRound++;
            boolean answered = command.status == Status.READ_BACK ? readBack(command, at) : send(command);
            if (command.status.settled()) {
                command.nextAttemptAt = null;
                if (command.status == Status.CONFIRMED_BY_READ_BACK) {
                    confirmedByReadBack++;
                    outcomes.add(new Outcome(command.view(), at));
                } else {
                    acknowledged++;
                }
            } else if (answered) {
                // A read-back found the relay in the other state: the command goes again at once.
                command.nextAttemptAt = at.plus(EXCHANGE);
            } else if (command.attemptsThisRound >= ATTEMPTS_PER_ROUND) {
                command.status = Status.FAILED;
                failedRounds++;
                command.nextAttemptAt = at.plus(NEXT_ROUND);
                command.round++;
                command.attemptsThisRound = 0;
                outcomes.add(new Outcome(command.view(), at));
            } else {
                command.nextAttemptAt = at.plus(FIRST_BACK_OFF.multipliedBy(1L << (command.attemptsThisRound - 1)));
            }
        }
    }

    /** Sends the command; the meter acts on it if it arrives. Returns whether the acknowledgement came back. */
    private boolean send(Command command) {
        int exchange = command.exchanges++;
        sends++;
        resends += command.sends > 0 ? 1 : 0;
        command.sends++;
        double success = routes.oneWaySuccess(command.meter);
        if (!air.crosses(command.meter, command.commandId, exchange, false, success)) {
            command.status = Status.READ_BACK;
            return false;
        }
        relays[command.meter] = command.wanted;
        if (air.crosses(command.meter, command.commandId, exchange, true, success)) {
            command.status = Status.ACKNOWLEDGED;
            return true;
        }
        command.status = Status.READ_BACK;
        return false;
    }

    /** Asks the meter for its relay. Returns whether the answer came back; the status says what it held. */
    private boolean readBack(Command command, Instant at) {
        int exchange = command.exchanges++;
        readBacks++;
        command.readBacks++;
        double success = routes.oneWaySuccess(command.meter);
        boolean answered = air.crosses(command.meter, command.commandId, exchange, false, success)
                && air.crosses(command.meter, command.commandId, exchange, true, success);
        if (answered) {
            command.status = relays[command.meter] == command.wanted ? Status.CONFIRMED_BY_READ_BACK
                    : Status.PENDING;
        }
        return answered;
    }

    Totals totals() {
        return new Totals(lastCommandId, acknowledged, confirmedByReadBack, sends, resends, readBacks, failedRounds,
                waitsOffMesh);
    }

    /** Every meter's latest command, in meter order; meters never commanded are left out. */
    List<RelayCommand> latest() {
        List<RelayCommand> result = new ArrayList<>();
        for (Command command : latest) {
            if (command != null) {
                result.add(command.view());
            }
        }
        return result;
    }

    /** One command as the gateway works on it. */
    private static final class Command {

        final long commandId;
        final int meter;
        final String meterId;
        final String customerId;
        final RelayState wanted;
        final Instant issuedAt;
        final String reason;
        Status status = Status.PENDING;
        int sends;
        int readBacks;
        int exchanges;
        int round = 1;
        int attemptsThisRound;
        Instant lastAttemptAt;
        Instant nextAttemptAt;

        Command(long commandId, int meter, String meterId, String customerId, RelayState wanted, Instant issuedAt,
                String reason) {
            this.commandId = commandId;
            this.meter = meter;
            this.meterId = meterId;
            this.customerId = customerId;
            this.wanted = wanted;
            this.issuedAt = issuedAt;
            this.reason = reason;
            this.nextAttemptAt = issuedAt;
        }

        boolean everSent() {
            return sends > 0;
        }

        RelayCommand view() {
            return new RelayCommand(commandId, meterId, customerId, wanted, issuedAt, status, sends, readBacks,
                    round, lastAttemptAt, nextAttemptAt, reason);
        }
    }
}
