package io.gridside.sim.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    private final LineSchedule uart = new LineSchedule(115_200, LineProfile.BITS_8N1);

    @Test
    void sendsElevenThousandFiveHundredTwentyBytesASecondAt115200Baud8N1() {
        uart.place(0, 11_520);

        assertThat(uart.freeAt()).isEqualTo(SECOND);
    }

    @Test
    void timesEachByteFromItsPeriodsStartSoRoundingNeverAccumulates() {
        for (int i = 0; i < 115_200; i++) {
            uart.place(0, 1);
        }

        // One byte alone takes 86,805.6 ns; rounded up on its own each time, 115,200 of them would drift 51 us.
        assertThat(uart.sentAt(0, 1)).isEqualTo(86_806);
        assertThat(uart.freeAt()).isEqualTo(10 * SECOND);
    }

    @Test
    void startsAFreshPeriodWhenBytesArriveAtAnIdleLine() {
        uart.place(0, 10);

        LineSchedule.Position later = uart.place(5 * SECOND, 1);

        assertThat(later).isEqualTo(new LineSchedule.Position(5 * SECOND, 1));
        assertThat(uart.freeAt()).isEqualTo(5 * SECOND + 86_806);
    }

    @Test
    void queuesBytesBehindThoseStillOnTheLine() {
        uart.place(0, 11_520);

        LineSchedule.Position queued = uart.place(SECOND / 2, 11_520);

        assertThat(queued).isEqualTo(new LineSchedule.Position(0, 11_521));
        assertThat(uart.freeAt()).isEqualTo(2 * SECOND);
    }

    @Test
    void countsDownTheUnsentBytesAsTheLineSendsThem() {
        uart.place(0, 11_520);

        assertThat(uart.unsentAt(0)).isEqualTo(11_520);
        assertThat(uart.unsentAt(SECOND / 2)).isEqualTo(5_760);
        assertThat(uart.unsentAt(SECOND)).isZero();
        assertThat(uart.whenUnsentAtMost(5_760)).isEqualTo(SECOND / 2);
    }

    @Test
    void sendsEveryByteAsItArrivesWithoutARateLimit() {
        LineSchedule unlimited = new LineSchedule(0, LineProfile.BITS_8N1);

        unlimited.place(7, 1_000_000);

        assertThat(unlimited.freeAt()).isEqualTo(7);
        assertThat(unlimited.unsentAt(7)).isZero();
    }

    @Test
    void staysExactWhereProductsOverflowSixtyFourBits() {
        long bytes = 10_000_000_000L;

        assertThat(LineSchedule.mulDivCeil(bytes, 10 * SECOND, 115_200)).isEqualTo(868_055_555_555_556L);
        assertThat(LineSchedule.mulDivFloor(bytes, 10 * SECOND, 115_200)).isEqualTo(868_055_555_555_555L);
        assertThat(LineSchedule.mulDivCeil(11_520, 10 * SECOND, 115_200)).isEqualTo(SECOND);
    }
}
