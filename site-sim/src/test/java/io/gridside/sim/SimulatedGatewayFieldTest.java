package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.message.CashTopUp;
import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.MeterExchanged;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.message.MovedIn;
import io.gridside.link.server.CashAllowance;
import io.gridside.link.server.CashRefusedException;
import io.gridside.link.server.SiteChangeRefusedException;
import io.gridside.link.message.RosterBatch;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayCommand;
import io.gridside.site.RelayState;
import io.gridside.site.SiteEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Meter exchanges, moves and relay commands at the simulated gateway, whose clock the test moves. */
class SimulatedGatewayFieldTest {

    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(40, 13, 1, NOW), clock);

    @AfterEach
    void close() {
        gateway.close();
    }

    private MeterStatus status(int index) {
        String meterId = gateway.layout().meters().get(index).meterId();
        return gateway.meterStatus().stream().filter(s -> s.meterId().equals(meterId)).findFirst().orElseThrow();
    }

    @Test
    void exchangeBillsTheOldMeterToItsFinalRegisterAndTheNewMeterFromItsOpeningOne() throws Exception {
        MeterStatus before = status(3);
        long price = gateway.layout().tariff().energyMinorPerKwh();

        MeterExchanged exchanged = gateway.exchangeMeter(new ExchangeMeter(before.meterId(), "MX-0001",
                before.registerWh() + 500, 12, "display dead"), "T-0042");

        assertThat(exchanged.customerId()).isEqualTo(before.customerId());
        assertThat(exchanged.finalEnergyWh()).isEqualTo(500);
        // Half a kWh at the flat price, give or take the minor unit the account's remainder carries.
        assertThat(exchanged.finalChargeMinor()).isBetween(price / 2, price / 2 + 1);
        assertThat(exchanged.balanceAfterMinor()).isEqualTo(before.balanceMinor() - exchanged.finalChargeMinor());
        // The exchange posts the final charge with what the account accrued since its last posting, one ENERGY
        // entry (charges post per customer-day and before a change of state): the ledger's balance after it is
        // the balance with nothing left accrued.
        assertThat(gateway.ledgerAfter(0)).filteredOn(e -> e.at().equals(exchanged.at())).singleElement()
                .satisfies(posting -> {
                    assertThat(posting.kind()).isEqualTo(EntryKind.ENERGY);
                    assertThat(-posting.amountMinor()).isGreaterThanOrEqualTo(exchanged.finalChargeMinor());
                    assertThat(posting.balanceAfterMinor()).isEqualTo(exchanged.balanceAfterMinor());
                });

        clock.advance(Duration.ofHours(2));

        assertThat(gateway.roster()).extracting(e -> e.meter().meterId(), e -> e.customer().customerId())
                .contains(org.assertj.core.groups.Tuple.tuple("MX-0001", before.customerId()))
                .noneMatch(t -> t.toList().get(0).equals(before.meterId()));
        List<Reading> readings = gateway.readings(NOW.minus(Duration.ofHours(1)), clock.now());
        assertThat(readings).filteredOn(r -> r.meterId().equals(before.meterId())).last()
                .satisfies(last -> assertThat(last.registerWh()).isEqualTo(before.registerWh() + 500));
        List<Reading> fresh = readings.stream().filter(r -> r.meterId().equals("MX-0001")).toList();
        assertThat(fresh).isNotEmpty();
        // The new meter's energy is its register's rise from the opening register, never the register itself.
        assertThat(fresh.stream().mapToLong(Reading::energyWh).sum())
                .isEqualTo(fresh.get(fresh.size() - 1).registerWh() - 12);
        assertThat(gateway.eventsOf(before.meterId())).extracting(SiteEvent::kind).contains(EventKind.METER_EXCHANGED);
    }

    @Test
    void refusesAFinalRegisterBelowTheLastReadingBilledAndChangesNothing() {
        MeterStatus before = status(4);

        assertThatThrownBy(() -> gateway.exchangeMeter(new ExchangeMeter(before.meterId(), "MX-0002",
                before.registerWh() - 1, 0, "dead"), "T-0042")).isInstanceOf(SiteChangeRefusedException.class)
                .extracting(e -> ((SiteChangeRefusedException) e).code()).isEqualTo("REGISTER_BELOW_BILLED");
        assertThat(status(4).meterId()).isEqualTo(before.meterId());
        // 5,000 kWh since the last quarter hour billed: more than a 60 A meter at 230 V passes in a week.
        assertThatThrownBy(() -> gateway.exchangeMeter(new ExchangeMeter(before.meterId(), "MX-0002",
                before.registerWh() + 5_000_000, 0, "dead"), "T-0042"))
                .extracting(e -> ((SiteChangeRefusedException) e).code()).isEqualTo("REGISTER_IMPLAUSIBLE");
        assertThat(status(4).meterId()).isEqualTo(before.meterId());
        assertThatThrownBy(() -> gateway.exchangeMeter(new ExchangeMeter("NO-SUCH", "MX-0002", 0, 0, "dead"),
                "T-0042")).extracting(e -> ((SiteChangeRefusedException) e).code()).isEqualTo("METER_UNKNOWN");
        String other = gateway.layout().meters().get(5).meterId();
        assertThatThrownBy(() -> gateway.exchangeMeter(new ExchangeMeter(before.meterId(), other,
                before.registerWh(), 0, "dead"), "T-0042"))
                .extracting(e -> ((SiteChangeRefusedException) e).code()).isEqualTo("METER_ALREADY_ON_SITE");
    }

    @Test
    void moveOutClosesTheAccountAndAMoveInOpensANewOneOnTheFreedMeter() throws Exception {
        MeterStatus before = status(6);

        FinalStatement statement = gateway.moveOut(new MoveOut(before.customerId(), before.registerWh() + 200,
                "moved to town"), "S-0001");

        assertThat(statement.meterId()).isEqualTo(before.meterId());
        assertThat(statement.finalEnergyWh()).isEqualTo(200);
        assertThat(statement.balanceMinor()).isEqualTo(before.balanceMinor() - statement.finalChargeMinor());
        assertThat(statement.lastRegisterWh()).isEqualTo(before.registerWh() + 200);
        assertThat(gateway.roster()).extracting(e -> e.customer().customerId()).doesNotContain(before.customerId());
        assertThatThrownBy(() -> gateway.creditCash(new CashTopUp(before.customerId(), null, 1_000, "KES", "C-1",
                ""), new CashAllowance("T-1", "ab".repeat(32), 1_000_000))).isInstanceOf(CashRefusedException.class);
        assertThatThrownBy(() -> gateway.moveOut(new MoveOut(before.customerId(), null, "again"), "S-0001"))
                .extracting(e -> ((SiteChangeRefusedException) e).code()).isEqualTo("ACCOUNT_CLOSED");

        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> gateway.moveIn(new MoveIn(before.meterId(), "C-NEW-9", "Too Rich",
                CustomerCategory.HOUSEHOLD, 10_000_000_001L), "S-0001"))
                .extracting(e -> ((SiteChangeRefusedException) e).code()).isEqualTo("REQUEST_INVALID");
        MovedIn movedIn = gateway.moveIn(new MoveIn(before.meterId(), "C-NEW-1", "Neema Mwangi",
                CustomerCategory.HOUSEHOLD, 30_000), "S-0001");
        clock.advance(Duration.ofDays(1));

        assertThat(movedIn.balanceMinor()).isEqualTo(30_000);
        assertThat(gateway.balance(before.customerId())).as("a closed account is charged nothing more")
                .isEqualTo(statement.balanceMinor());
        assertThat(gateway.roster()).extracting(RosterBatch.Entry::customer).extracting(c -> c.customerId())
                .contains("C-NEW-1");
        List<LedgerEntry> own = gateway.ledgerAfter(0).stream().filter(e -> e.customerId().equals("C-NEW-1"))
                .toList();
        long charged = own.stream().mapToLong(LedgerEntry::amountMinor).sum() - 30_000;
        LedgerEntry lastPosting = own.get(own.size() - 1);
        assertThat(lastPosting.balanceAfterMinor()).isEqualTo(30_000 + charged);
        // The balance is the posted one less what accrued since: the energy since the last posting at the flat
        // price, within the minor unit the remainder carries.
        long sinceWh = gateway.readings(lastPosting.at().minus(Reading.INTERVAL), clock.now()).stream()
                .filter(r -> r.meterId().equals(before.meterId()) && r.intervalEnd().isAfter(lastPosting.at()))
                .mapToLong(Reading::energyWh).sum();
        long price = gateway.layout().tariff().energyMinorPerKwh();
        long accrued = lastPosting.balanceAfterMinor() - gateway.balance("C-NEW-1");
        assertThat(accrued * 1_000).isBetween(sinceWh * price - 1_000, sinceWh * price + 1_000);
        assertThatThrownBy(() -> gateway.moveIn(new MoveIn(before.meterId(), "C-NEW-2", "Another",
                CustomerCategory.HOUSEHOLD, 0), "S-0001"))
                .extracting(e -> ((SiteChangeRefusedException) e).code()).isEqualTo("METER_IN_USE");
    }

    @Test
    void aRelayCommandToAMeterOffTheMeshWaitsUntilItComesBack() throws Exception {
        MeterStatus before = status(7);
        gateway.silenceRadio(before.meterId(), NOW, NOW.plus(Duration.ofHours(2)));

        gateway.moveOut(new MoveOut(before.customerId(), null, "left"), "S-0001");
        clock.advance(Duration.ofMinutes(30));

        RelayCommand waiting = commandTo(before.meterId());
        assertThat(waiting.wanted()).isEqualTo(RelayState.OFF);
        assertThat(waiting.status()).isEqualTo(RelayCommand.Status.WAITING_OFF_MESH);
        assertThat(waiting.sends() + waiting.readBacks()).isZero();

        clock.advance(Duration.ofHours(3));

        RelayCommand settled = commandTo(before.meterId());
        assertThat(settled.commandId()).isEqualTo(waiting.commandId());
        assertThat(settled.status().settled()).as(settled.toString()).isTrue();
        // The gateway judges a meter's reach once a quarter hour, by the mesh of that quarter hour's update: the
        // silence ends at 11:07, so the quarter hour from 11:00 is the first in which the meter is tried.
        assertThat(settled.lastAttemptAt()).isAfterOrEqualTo(Reading.intervalStartOf(NOW.plus(Duration.ofHours(2))));
    }

    private RelayCommand commandTo(String meterId) {
        return gateway.relayCommands().stream().filter(c -> c.meterId().equals(meterId)).findFirst().orElseThrow();
    }
}
