package io.gridside.site.sync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockBodiesSyncTest {

    @Test
    void bodiesComeBackInOrderWhateverTheirLengths() {
        byte[] long1 = new byte[300];
        Arrays.fill(long1, (byte) 7);
        List<byte[]> bodies = List.of(new byte[] {1, 2, 3}, new byte[0], long1);

        List<byte[]> back = BlockBodies.unpack(BlockBodies.pack(bodies));

        assertThat(back).hasSize(3);
        assertThat(back.get(0)).containsExactly(1, 2, 3);
        assertThat(back.get(1)).isEmpty();
        assertThat(back.get(2)).isEqualTo(long1);
    }

    @Test
    void aPackCutShortIsRefused() {
        byte[] packed = BlockBodies.pack(List.of(new byte[200], new byte[] {9}));
        assertThatThrownBy(() -> BlockBodies.unpack(Arrays.copyOf(packed, packed.length - 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
