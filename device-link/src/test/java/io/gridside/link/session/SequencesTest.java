package io.gridside.link.session;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SequencesTest {

    @Test
    void writesACountAsItsLowSixteenBits() {
        assertThat(Sequences.wire(0)).isZero();
        assertThat(Sequences.wire(65_535)).isEqualTo(0xFFFF);
        assertThat(Sequences.wire(65_536)).isZero();
        assertThat(Sequences.wire(3 * 65_536L + 7)).isEqualTo(7);
        assertThat(Sequences.wire(-1)).isEqualTo(0xFFFF);
    }

    @Test
    void readsAWireNumberForwardAcrossTheWrap() {
        assertThat(Sequences.nearest(2, 65_534)).isEqualTo(65_538);
        assertThat(Sequences.nearest(0, 65_535)).isEqualTo(65_536);
    }

    @Test
    void readsAWireNumberBackwardAcrossTheWrap() {
        assertThat(Sequences.nearest(0xFFFF, 65_537)).isEqualTo(65_535);
        assertThat(Sequences.nearest(0xFFFF, -1)).isEqualTo(-1);
        assertThat(Sequences.nearest(0xFFFF, 0)).isEqualTo(-1);
    }

    @Test
    void splitsTheSpaceAtHalfWayWithTheFarEndBehind() {
        long reference = 100_000;

        assertThat(Sequences.nearest(Sequences.wire(reference + 32_767), reference)).isEqualTo(reference + 32_767);
        assertThat(Sequences.nearest(Sequences.wire(reference + 32_768), reference)).isEqualTo(reference - 32_768);
    }

    @Property(tries = 500)
    void findsEveryCountWithinHalfTheSpaceOfItsReference(@ForAll @LongRange(min = -1, max = 1L << 40) long reference,
            @ForAll @IntRange(min = -32_768, max = 32_767) int distance) {
        long count = reference + distance;

        assertThat(Sequences.nearest(Sequences.wire(count), reference)).isEqualTo(count);
    }
}
