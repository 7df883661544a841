package io.gridside.site.sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockBodiesSyncTest {

    private static final byte[] LONG = new byte[300];

    static {
        Arrays.fill(LONG, (byte) 7);
    }

    private static final List<byte[]> BODIES = List.of(new byte[] {1, 2, 3}, new byte[0], LONG);

    @Test
    void bodiesComeBackInOrderWhateverTheirLengths() {
        List<byte[]> back = BlockBodies.unpack(BlockBodies.pack(BODIES), BlockBodies.XZ);

        assertThat(back).hasSize(3);
        assertThat(back.get(0)).containsExactly(1, 2, 3);
        assertThat(back.get(1)).isEmpty();
        assertThat(back.get(2)).isEqualTo(LONG);
    }

    @Test
    void bodiesDeflatedAsFormatTwoDidStillComeBack() {
        List<byte[]> back = BlockBodies.unpack(BlockBodies.packDeflated(BODIES), null);

        assertThat(back).hasSize(3);
        assertThat(back.get(2)).isEqualTo(LONG);
    }

    @Test
    void aPackCutShortIsRefused() {
        byte[] packed = BlockBodies.pack(List.of(new byte[200], new byte[] {9}));
        assertThatThrownBy(() -> BlockBodies.unpack(Arrays.copyOf(packed, packed.length - 2), BlockBodies.XZ))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] deflated = BlockBodies.packDeflated(List.of(new byte[200], new byte[] {9}));
        assertThatThrownBy(() -> BlockBodies.unpack(Arrays.copyOf(deflated, deflated.length - 2), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPackingThisSideDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> BlockBodies.unpack(BlockBodies.pack(BODIES), "zstd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zstd");
    }
}
