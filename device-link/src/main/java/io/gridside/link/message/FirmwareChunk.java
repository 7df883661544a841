package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * One chunk of an offered image, in the bulk class. The gateway checks it against the manifest's hash for the
 * chunk, keeps it, and answers with a {@link ChunkHeld}; a chunk that does not match is refused with
 * {@code FIRMWARE_DAMAGED} and is sent again (protocol section 6.27).
 */
public record FirmwareChunk(ByteString imageSha256, int index, ByteString data) implements Message {

    public FirmwareChunk {
        Objects.requireNonNull(imageSha256, "imageSha256");
        Objects.requireNonNull(data, "data");
        if (index < 0) {
            throw new IllegalArgumentException("a chunk's index is not negative, was " + index);
        }
    }
}
