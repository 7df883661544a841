package io.gridside.site.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A decision on the exceptions queue keeps the read it settles, and refuses one without a reason or register. */
class ExceptionDecisionTest {

    private static final Instant AT = Instant.parse("2026-06-02T09:15:00Z");
    private static final ReadException BACKWARDS = new ReadException(new RawRead("M-1", AT, 900),
            ReadRule.REGISTER_BACKWARDS, "900 Wh after 1000 Wh");

    @Test
    void anAcceptedReadStandsWithItsOwnRegister() {
        ExceptionDecision accepted = ExceptionDecision.accept(BACKWARDS, "T-0042", AT.plusSeconds(60),
                " The meter was replaced and started again ");

        assertThat(accepted.registerWh()).isEqualTo(900);
        assertThat(accepted.outcome()).isEqualTo(ExceptionOutcome.ACCEPTED);
        assertThat(accepted.why()).isEqualTo("The meter was replaced and started again");
        assertThat(accepted.decides(BACKWARDS)).isTrue();
        assertThat(accepted.decides(new ReadException(BACKWARDS.read(), ReadRule.CLOCK_SKEW, "off"))).isFalse();
    }

    @Test
    void refusesADecisionWithoutAReasonOrWithANegativeRegister() {
        assertThatThrownBy(() -> ExceptionDecision.override(BACKWARDS, 1_010, "T-0042", AT, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("why");
        assertThatThrownBy(() -> ExceptionDecision.override(BACKWARDS, -1, "T-0042", AT, "typo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registerWh");
        assertThatThrownBy(() -> new ExceptionDecision("M-1", AT, 900, ReadRule.REGISTER_BACKWARDS,
                ExceptionOutcome.ACCEPTED, 1_010, "T-0042", AT, "typo"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keeps its register");
    }
}
