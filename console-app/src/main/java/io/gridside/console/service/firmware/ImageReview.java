package io.gridside.console.service.firmware;

import io.gridside.site.firmware.FirmwareManifest;
import io.gridside.site.firmware.FirmwareRefusal;
import java.nio.file.Path;
import java.util.List;

/** Stand-in for the firmware service's image review until it lands; replaced on merge. */
public record ImageReview(Path file, FirmwareManifest manifest, String signer, List<Check> checks,
        FirmwareRefusal refusal, String message) {

    /** One check of an image. */
    public record Check(String name, boolean passed, String detail) {
    }

    public boolean acceptable() {
        return refusal == null;
    }
}
