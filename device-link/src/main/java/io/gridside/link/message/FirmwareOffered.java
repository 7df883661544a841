package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * The gateway took an offered image: it holds the chunks whose bits are set in {@code held} (bit {@code i % 8} of
 * byte {@code i / 8} for chunk {@code i}) and wants the others, in any order.
 */
public record FirmwareOffered(ByteString imageSha256, int chunkCount, ByteString held, int heldCount)
        implements Message {

    public FirmwareOffered {
        Objects.requireNonNull(imageSha256, "imageSha256");
        Objects.requireNonNull(held, "held");
    }

    /** Whether chunk {@code index} is held. */
    public boolean holds(int index) {
        byte[] bits = held.toByteArray();
        return index / 8 < bits.length && (bits[index / 8] & (1 << (index % 8))) != 0;
    }
}
