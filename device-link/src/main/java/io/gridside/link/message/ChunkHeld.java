package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * The gateway holds chunk {@code index} of the image, on its flash: a restart of either side keeps it.
 *
 * @param heldCount how many of the image's chunks it holds now
 * @param complete whether it holds them all and the whole image's SHA-256 matched the manifest
 */
public record ChunkHeld(ByteString imageSha256, int index, int heldCount, boolean complete) implements Message {

    public ChunkHeld {
        Objects.requireNonNull(imageSha256, "imageSha256");
    }
}
