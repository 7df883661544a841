package io.gridside.link.firmware;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.firmware.FirmwareRefusedException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * No single flipped byte anywhere in an image file gets past reading and checking it: header, signed manifest,
 * key, signature and image bytes alike.
 */
class FirmwareImageFlipProperties {

    private static final byte[] FILE = TestImages.gateway().fileBytes();

    @Property(tries = 2_000)
    void anySingleFlippedByteIsRefused(@ForAll("offsets") int offset, @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] file = FILE.clone();
        file[offset] ^= (byte) mask;

        assertThatThrownBy(() -> FirmwareCheck.checkImage(FirmwareImage.parse(file), TestImages.TRUSTED,
                TestImages.GATEWAY)).isInstanceOf(FirmwareRefusedException.class);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(0, FILE.length - 1);
    }
}
