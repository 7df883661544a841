package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import java.util.Objects;

/**
 * Offers the gateway a firmware image by its signed manifest, before any of its bytes: the gateway checks the
 * signature, the product and hardware, and the version against what it or its meters run, and answers with a
 * {@link FirmwareOffered} naming the chunks it holds already, or refuses with a {@code FIRMWARE_*} code
 * (protocol section 6.27).
 *
 * @param signedManifest the signed manifest as the image file carries it
 *     ({@code io.gridside.link.firmware.SignedManifest#encode})
 */
public record OfferFirmware(ByteString signedManifest) implements Message {

    public OfferFirmware {
        Objects.requireNonNull(signedManifest, "signedManifest");
    }
}
