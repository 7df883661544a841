package io.gridside.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.link.message.ExchangeMeter;
import io.gridside.link.message.FinalStatement;
import io.gridside.link.message.MeterExchanged;
import io.gridside.link.message.MovedIn;
import io.gridside.link.message.MoveIn;
import io.gridside.link.message.MoveOut;
import io.gridside.link.server.SiteChangeRefusedException;
import io.gridside.site.CustomerCategory;
import io.gridside.site.EntryKind;
import io.gridside.site.LedgerEntry;
import io.gridside.site.MeterStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Moves and exchanges at the simulated gateway: whose account pays a day's standing charge when a meter changes
 * hands or is exchanged during the day, and the same move asked for again.
 */
class SimulatedGatewayMovesTest {

    /** 12:07 in Nairobi on 3 June, long after the day's first tick at 00:15. */
    private static final Instant NOW = Instant.parse("2026-06-03T09:07:00Z");

    private final SimClock.Manual clock = SimClock.manual(NOW);
    private final SimulatedGateway gateway = new SimulatedGateway(new SiteSpec(8, 5, 1, NOW), clock);

    @AfterEach
    void close() {
        gateway.close();
    }

    private List<LedgerEntry> standingOf(String customerId, String day) {
        return gateway.ledgerAfter(0).stream().filter(e -> e.customerId().equals(customerId)
                && e.kind() == EntryKind.STANDING_CHARGE && e.reference().equals("day:" + day)).toList();
    }

    @Test
    void aMeterThatChangesHandsAtMiddayIsChargedTheDaysStandingChargeOnce() throws Exception {
        MeterStatus leaving = gateway.meterStatus().get(2);
        assertThat(standingOf(leaving.customerId(), "2026-06-03")).as("the day's charge, taken at 00:15")
                .hasSize(1);

        gateway.moveOut(new MoveOut(leaving.customerId(), leaving.registerWh() + 40, "left"), "S-0001");
        clock.advance(Duration.ofMinutes(40));
        gateway.moveIn(new MoveIn(leaving.meterId(), "C-0701", "Amani Wekesa", CustomerCategory.HOUSEHOLD,
                20_000), "S-0001");
        clock.advance(Duration.ofHours(14));

        assertThat(standingOf("C-0701", "2026-06-03")).as("the moved-in account pays from the next day").isEmpty();
        assertThat(standingOf("C-0701", "2026-06-04")).hasSize(1);
        assertThat(standingOf(leaving.customerId(), "2026-06-04")).as("a closed account pays nothing more")
                .isEmpty();
    }

    @Test
    void anExchangedMetersCustomerPaysTheDayOnce() throws Exception {
        MeterStatus exchanged = gateway.meterStatus().get(4);

        gateway.exchangeMeter(new ExchangeMeter(exchanged.meterId(), "MX-0701", exchanged.registerWh() + 30, 5,
                "display dead"), "T-0001");
        clock.advance(Duration.ofHours(3));

        assertThat(standingOf(exchanged.customerId(), "2026-06-03")).hasSize(1);
    }

    @Test
    void theSameMoveOutAndMoveInAgainAreAnsweredAsTheyWereAndMoveNoMoney() throws Exception {
        MeterStatus leaving = gateway.meterStatus().get(3);
        MoveOut out = new MoveOut(leaving.customerId(), leaving.registerWh() + 25, "left");
        FinalStatement statement = gateway.moveOut(out, "S-0001");
        clock.advance(Duration.ofMinutes(20));
        MoveIn in = new MoveIn(leaving.meterId(), "C-0702", "Zawadi Achieng", CustomerCategory.SHOP, 5_000);
        MovedIn opened = gateway.moveIn(in, "S-0001");
        int entries = gateway.ledgerAfter(0).size();
        clock.advance(Duration.ofMinutes(3));

        assertThat(gateway.moveOut(new MoveOut(out.customerId(), out.finalRegisterWh(), "asked again"), "S-0001"))
                .isEqualTo(statement);
        assertThat(gateway.moveIn(in, "S-0001")).isEqualTo(opened);
        assertThat(gateway.ledgerAfter(0)).hasSize(entries);
        assertThatThrownBy(() -> gateway.moveOut(new MoveOut(out.customerId(), out.finalRegisterWh() + 1, "typo"),
                "S-0001")).extracting(e -> ((SiteChangeRefusedException) e).code()).isEqualTo("ACCOUNT_CLOSED");
        assertThatThrownBy(() -> gateway.moveIn(new MoveIn(leaving.meterId(), "C-0702", "Zawadi Achieng",
                CustomerCategory.SHOP, 6_000), "S-0001")).extracting(e -> ((SiteChangeRefusedException) e).code())
                .isEqualTo("METER_IN_USE");
        assertThat(gateway.ledgerAfter(0)).hasSize(entries);
    }

    @Test
    void aMeterTakesOneFinalRegisterAQuarterHourAndTheNextChangeWaitsForTheTick() throws Exception {
        MeterStatus leaving = gateway.meterStatus().get(3);
        gateway.moveOut(new MoveOut(leaving.customerId(), leaving.registerWh() + 5, "left"), "S-0001");
        gateway.moveIn(new MoveIn(leaving.meterId(), "C-0703", "Halima Said", CustomerCategory.HOUSEHOLD,
                10_000), "S-0001");
        ExchangeMeter exchange = new ExchangeMeter(leaving.meterId(), "MX-0703", leaving.registerWh() + 6, 0,
                "display dead");

        assertThatThrownBy(() -> gateway.exchangeMeter(exchange, "T-0001"))
                .isInstanceOfSatisfying(SiteChangeRefusedException.class, e -> assertThat(e.code())
                        .isEqualTo("METER_FINAL_TAKEN"))
                .hasMessageContaining("2026-06-03T09:15:00Z");

        clock.advance(Duration.ofMinutes(10));
        MeterExchanged first = gateway.exchangeMeter(exchange, "T-0001");
        assertThat(first.newMeterId()).isEqualTo("MX-0703");
        int entries = gateway.ledgerAfter(0).size();

        // A console that lost the answer asks again: the same answer, nothing posted twice.
        clock.advance(Duration.ofMinutes(1));
        assertThat(gateway.exchangeMeter(exchange, "T-0001")).isEqualTo(first);
        assertThat(gateway.ledgerAfter(0)).hasSize(entries);
        assertThatThrownBy(() -> gateway.exchangeMeter(new ExchangeMeter(leaving.meterId(), "MX-0704",
                leaving.registerWh() + 6, 0, "display dead"), "T-0001"))
                .isInstanceOfSatisfying(SiteChangeRefusedException.class, e -> assertThat(e.code())
                        .isEqualTo("METER_UNKNOWN"));
    }
}
