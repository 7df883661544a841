package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * The gateway holds chunk {@code index} of the image, on its flash: a restart of either side keeps it.
 *
 * @param heldCount how many of the image's chunks it holds now
 * @param complete whether it holds them all, each matching its SHA-256 in the signed manifest. The whole image's
 *     SHA-256 is held to them when the image is installed or rolled out (decision 0082); gateways built before
 *     that also checked it before they said complete
 */
public record ChunkHeld(ByteString imageSha256, int index, int heldCount, boolean complete) implements Message {

    public ChunkHeld {
        Objects.requireNonNull(imageSha256, "imageSha256");
    }
}
