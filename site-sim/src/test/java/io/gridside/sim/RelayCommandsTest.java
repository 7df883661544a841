package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.RelayCommand;
import io.gridside.site.RelayCommand.Status;
import io.gridside.site.RelayState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Relay commands over a lossy mesh: read back before any resend, back off, give up a round, wait off the mesh. */
class RelayCommandsTest {

    private static final Instant T0 = Instant.parse("2026-06-03T09:00:00Z");
    private static final Instant QUARTER_LATER = T0.plus(Duration.ofMinutes(15));

    /** A mesh where every meter is reachable and each message crosses with {@code success}. */
    private static RelayCommands.Routes everywhere(double success) {
        return new RelayCommands.Routes() {
            @Override
            public boolean reachable(int meter) {
                return true;
            }

            @Override
            public double oneWaySuccess(int meter) {
                return success;
            }
        };
    }

    /** Air that loses exactly the messages listed as "exchange:up" or "exchange:down", and lets the rest cross. */
    private static RelayCommands.Air losing(String... lost) {
        Set<String> losses = Set.of(lost);
        return (meter, commandId, exchange, up, success) -> !losses.contains(exchange + (up ? ":up" : ":down"));
    }

    private static RelayCommands commands(int meters, RelayCommands.Routes routes, RelayCommands.Air air) {
        return new RelayCommands(meters, routes, air, index -> "M" + index);
    }

    @Test
    void aCommandActedOnButNotAcknowledgedIsReadBackAndNotSentAgain() {
        RelayCommands relays = commands(1, everywhere(1), losing("0:up"));
        relays.issue(0, "C0", RelayState.OFF, T0, "credit-exhausted");

        List<RelayCommands.Outcome> outcomes = relays.run(T0, QUARTER_LATER);

        RelayCommand command = relays.latest().get(0);
        assertThat(relays.relay(0)).isEqualTo(RelayState.OFF);
        assertThat(command.status()).isEqualTo(Status.CONFIRMED_BY_READ_BACK);
        assertThat(command.sends()).isEqualTo(1);
        assertThat(command.readBacks()).isEqualTo(1);
        // The read-back waited the first back-off after the unanswered send.
        assertThat(command.lastAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(outcomes).extracting(o -> o.command().status()).containsExactly(Status.CONFIRMED_BY_READ_BACK);
    }

    @Test
    void aCommandLostOnTheWayDownIsSentAgainOnlyAfterTheReadBackFindsTheRelayUnchanged() {
        RelayCommands relays = commands(1, everywhere(1), losing("0:down"));
        relays.issue(0, "C0", RelayState.OFF, T0, "credit-exhausted");

        relays.run(T0, QUARTER_LATER);

        RelayCommand command = relays.latest().get(0);
        assertThat(command.status()).isEqualTo(Status.ACKNOWLEDGED);
        assertThat(command.sends()).isEqualTo(2);
        assertThat(command.readBacks()).isEqualTo(1);
        // Sent at T0, read back at T0 + 30 s (relay still on), sent again one exchange (2 s) later.
        assertThat(command.lastAttemptAt()).isEqualTo(T0.plusSeconds(32));
        assertThat(relays.relay(0)).isEqualTo(RelayState.OFF);
    }

    @Test
    void givesUpARoundAfterItsAttemptsWithDoublingBackOffAndReadsBackFirstInTheNext() {
        List<Instant> attempts = new ArrayList<>();
        RelayCommands.Air silent = (meter, commandId, exchange, up, success) -> {
            if (!up) {
                attempts.add(null);
            }
            return false;
        };
        RelayCommands relays = commands(1, everywhere(1), silent);
        relays.issue(0, "C0", RelayState.OFF, T0, "credit-exhausted");

        List<RelayCommands.Outcome> outcomes = relays.run(T0, QUARTER_LATER);

        // Attempts at 0, 30, 90, 210 and 450 s fall in the quarter hour; the sixth is due at 930 s.
        RelayCommand unanswered = relays.latest().get(0);
        assertThat(unanswered.status()).isEqualTo(Status.READ_BACK);
        assertThat(unanswered.sends()).isEqualTo(1);
        assertThat(unanswered.readBacks()).isEqualTo(4);
        assertThat(attempts).hasSize(5);
        assertThat(unanswered.nextAttemptAt()).isEqualTo(T0.plusSeconds(930));
        assertThat(outcomes).isEmpty();

        relays.run(QUARTER_LATER, QUARTER_LATER.plus(Duration.ofMinutes(15)));
        // The sixth ends the round unanswered; the next round begins an hour after it.
        RelayCommand afterRound = relays.latest().get(0);
        assertThat(afterRound.status()).isEqualTo(Status.FAILED);
        assertThat(afterRound.round()).isEqualTo(2);
        assertThat(afterRound.lastAttemptAt()).isEqualTo(T0.plusSeconds(930));
        assertThat(afterRound.nextAttemptAt()).isEqualTo(T0.plusSeconds(930).plus(Duration.ofHours(1)));

        relays.run(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(relays.latest().get(0).sends()).as("a new round reads back before it sends").isEqualTo(1);
        // Five read-backs in the first round, and the one the second began with.
        assertThat(relays.latest().get(0).readBacks()).isEqualTo(5 + 1);
    }

    @Test
    void aMeterOffTheMeshIsNotTriedAndItsCommandWaits() {
        boolean[] reachable = {false};
        RelayCommands.Routes routes = new RelayCommands.Routes() {
            @Override
            public boolean reachable(int meter) {
                return reachable[0];
            }

            @Override
            public double oneWaySuccess(int meter) {
                return 1;
            }
        };
        RelayCommands relays = commands(1, routes, RelayCommands.Air.seeded(7));
        relays.issue(0, "C0", RelayState.OFF, T0, "credit-exhausted");

        relays.run(T0, QUARTER_LATER);
        RelayCommand waiting = relays.latest().get(0);
        reachable[0] = true;
        relays.run(QUARTER_LATER, QUARTER_LATER.plus(Duration.ofMinutes(15)));

        assertThat(waiting.status()).isEqualTo(Status.WAITING_OFF_MESH);
        assertThat(waiting.sends() + waiting.readBacks()).isZero();
        assertThat(relays.relay(0)).isEqualTo(RelayState.OFF);
        assertThat(relays.latest().get(0).status()).isEqualTo(Status.ACKNOWLEDGED);
        assertThat(relays.latest().get(0).lastAttemptAt()).isEqualTo(QUARTER_LATER);
    }

    @Test
    void underSeededLossNoCommandIsSentAgainWithoutAReadBackAndEveryRelayEndsAsWanted() {
        int meters = 200;
        RelayCommands relays = commands(meters, everywhere(0.6), RelayCommands.Air.seeded(42));
        for (int meter = 0; meter < meters; meter++) {
            relays.issue(meter, "C" + meter, meter % 2 == 0 ? RelayState.OFF : RelayState.ON, T0, "test");
        }

        relays.run(T0, T0.plus(Duration.ofHours(6)));

        List<RelayCommand> latest = relays.latest();
        // With 0.6 a way, a send is acknowledged with 0.36: most first sends are not, and some were acted on.
        assertThat(latest).filteredOn(c -> c.status() == Status.CONFIRMED_BY_READ_BACK).isNotEmpty();
        assertThat(latest).filteredOn(c -> c.sends() > 1).isNotEmpty();
        RelayCommands.Totals totals = relays.totals();
        assertThat(totals.issued()).isEqualTo(meters);
        assertThat(totals.acknowledged() + totals.confirmedByReadBack()).isEqualTo(meters);
        assertThat(totals.sends()).isEqualTo(latest.stream().mapToLong(RelayCommand::sends).sum());
        assertThat(totals.resends()).isEqualTo(totals.sends() - meters);
        assertThat(totals.readBacks()).isEqualTo(latest.stream().mapToLong(RelayCommand::readBacks).sum());
        for (RelayCommand command : latest) {
            // Every send after the first followed an answered read-back, and each read-back is an attempt.
            assertThat(command.sends()).as("command %d", command.commandId()).isLessThanOrEqualTo(1
                    + command.readBacks());
            assertThat(command.status().settled()).as("command %d", command.commandId()).isTrue();
            assertThat(relays.relay((int) command.commandId() - 1)).isEqualTo(command.wanted());
        }
    }

    @Test
    void theSameSeedGivesTheSameHistory() {
        List<List<RelayCommand>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            RelayCommands relays = commands(50, everywhere(0.7), RelayCommands.Air.seeded(9));
            for (int meter = 0; meter < 50; meter++) {
                relays.issue(meter, "C" + meter, RelayState.OFF, T0, "test");
            }
            relays.run(T0, T0.plus(Duration.ofHours(1)));
            runs.add(relays.latest());
        }

        assertThat(runs.get(0)).isEqualTo(runs.get(1));
    }

    @Test
    void aNewDecisionSupersedesACommandThatHasNotSettled() {
        RelayCommands relays = commands(1, everywhere(1), (meter, commandId, exchange, up, success) -> commandId > 1);
        relays.issue(0, "C0", RelayState.OFF, T0, "credit-exhausted");
        relays.run(T0, T0.plusSeconds(10));

        relays.issue(0, "C0", RelayState.ON, T0.plusSeconds(20), "topped-up");
        relays.run(T0.plusSeconds(20), QUARTER_LATER);

        assertThat(relays.latest()).singleElement().satisfies(command -> {
            assertThat(command.commandId()).isEqualTo(2);
            assertThat(command.status()).isEqualTo(Status.ACKNOWLEDGED);
        });
        assertThat(relays.relay(0)).isEqualTo(RelayState.ON);
    }
}
