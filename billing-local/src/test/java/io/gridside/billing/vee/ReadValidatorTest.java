package io.gridside.billing.vee;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.vee.RawRead;
import io.gridside.site.vee.ReadException;
import io.gridside.site.vee.ReadRule;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of validation on a small hand-made series: the broken read is queued with figures, the rest go on. */
class ReadValidatorTest {

    private static final Instant T0 = Instant.parse("2026-06-01T18:00:00Z");
    private static final Instant CLOCK = Instant.parse("2026-06-02T00:00:00Z");
    private static final ReadValidator VALIDATOR = new ReadValidator(MeterRating.DEFAULT, CLOCK);

    private static RawRead read(long secondsAfterT0, long registerWh) {
        return new RawRead("M-1", T0.plusSeconds(secondsAfterT0), registerWh);
    }

    @Test
    void acceptsAGoodSeriesAndPutsSlightlySkewedReadsOnTheirQuarterHours() {
        ReadValidator.Checked checked = VALIDATOR.check(List.of(read(0, 1_000), read(900 + 40, 1_050),
                read(1_800 - 59, 1_090)));

        assertThat(checked.exceptions()).isEmpty();
        assertThat(checked.accepted()).containsExactly(read(0, 1_000), read(900, 1_050), read(1_800, 1_090));
    }

    @Test
    void queuesARegisterThatGoesBackwardsAndJudgesTheNextReadAgainstTheLastGoodOne() {
        ReadValidator.Checked checked = VALIDATOR.check(List.of(read(0, 1_000), read(900, 990), read(1_800, 1_020)));

        assertThat(checked.accepted()).containsExactly(read(0, 1_000), read(1_800, 1_020));
        assertThat(checked.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(ReadRule.REGISTER_BACKWARDS);
            assertThat(e.read()).isEqualTo(read(900, 990));
            assertThat(e.detail()).isEqualTo("register 990 Wh is 10 Wh below 1000 Wh read at 2026-06-01T18:00:00Z");
        });
    }

    @Test
    void queuesAJumpBeyondTheMetersRatingButNotOneJustWithinIt() {
        // 60 A at 230 V is 13,800 W: 3,450 Wh in a quarter hour, plus the register's 1 Wh: 3,451 Wh at most.
        ReadValidator.Checked checked = VALIDATOR.check(List.of(read(0, 1_000), read(900, 4_451),
                read(1_800, 7_903)));

        assertThat(checked.accepted()).containsExactly(read(0, 1_000), read(900, 4_451));
        assertThat(checked.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(ReadRule.IMPOSSIBLE_JUMP);
            assertThat(e.detail()).contains("rose 3452 Wh in 15 min", "60 A meter at 230 V", "at most 3451 Wh");
        });
    }

    @Test
    void allowsAJumpInProportionToTheTimeSinceTheLastGoodRead() {
        MeterRating small = new MeterRating(5, 230);
        // 5 A at 230 V over two hours: 2,300 Wh, plus 1.
        ReadValidator.Checked checked = new ReadValidator(small, CLOCK).check(List.of(read(0, 0),
                read(7_200, 2_301), read(8_100, 2_590)));

        assertThat(checked.accepted()).containsExactly(read(0, 0), read(7_200, 2_301));
        assertThat(checked.exceptions()).extracting(ReadException::rule).containsExactly(ReadRule.IMPOSSIBLE_JUMP);
    }

    @Test
    void queuesAReadTooFarFromItsQuarterHourAsClockSkew() {
        ReadValidator.Checked checked = VALIDATOR.check(List.of(read(0, 1_000), read(900 + 61, 1_050)));

        assertThat(checked.accepted()).containsExactly(read(0, 1_000));
        assertThat(checked.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(ReadRule.CLOCK_SKEW);
            assertThat(e.detail()).contains("61 s from the quarter hour 2026-06-01T18:15:00Z", "at most 60 s");
        });
    }

    @Test
    void queuesASecondReadOfTheSameQuarterHourAsClockSkew() {
        ReadValidator.Checked checked = VALIDATOR.check(List.of(read(870, 1_000), read(930, 1_001)));

        assertThat(checked.accepted()).containsExactly(read(900, 1_000));
        assertThat(checked.exceptions()).extracting(ReadException::rule).containsExactly(ReadRule.CLOCK_SKEW);
    }

    @Test
    void queuesAReadFromAfterTheGatewaysClock() {
        RawRead future = new RawRead("M-1", CLOCK.plusSeconds(900), 2_000);
        ReadValidator.Checked checked = VALIDATOR.check(List.of(read(0, 1_000),
                new RawRead("M-1", CLOCK.plusSeconds(60), 1_100), future));

        assertThat(checked.accepted()).extracting(RawRead::registerWh).containsExactly(1_000L, 1_100L);
        assertThat(checked.exceptions()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(ReadRule.FUTURE_READ);
            assertThat(e.read()).isEqualTo(future);
            assertThat(e.detail()).contains("900 s after the gateway's clock");
        });
    }
}
