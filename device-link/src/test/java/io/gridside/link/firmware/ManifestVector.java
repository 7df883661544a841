package io.gridside.link.firmware;

import io.gridside.link.auth.SigningKey;
import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.FirmwareProduct;
import java.time.Instant;
import java.util.List;

/**
 * The image of the protocol's vector 11.21: a meter image of 1,000 bytes (byte i is i mod 251) in chunks of 512,
 * signed by the key whose seed is 32 bytes of 0x05.
 */
public final class ManifestVector {

    public static final SigningKey KEY = SigningKey.fromSeed(ByteString.fromHex("05".repeat(32)));

    private ManifestVector() {
    }

    public static FirmwareImage image() {
        byte[] bytes = new byte[1_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return FirmwareImage.build(FirmwareProduct.METER, List.of("mtr-r2", "mtr-r3"), "mtr-3.3.0", 7, 512,
                "Steadier readings at low load.", Instant.parse("2026-10-14T09:00:00Z"), bytes, KEY);
    }
}
