package io.gridside.site.firmware;

/**
 * Why a console or a gateway refuses a firmware image, each with the code an error reply carries. The console
 * checks an image before it sends a byte, and the gateway checks it again, so both give the same reasons.
 */
public enum FirmwareRefusal {
    /** The image carries no manifest, or a manifest with no signature. */
    UNSIGNED("FIRMWARE_UNSIGNED"),
    /** The manifest is signed by a key that the device does not trust for firmware. */
    UNKNOWN_KEY("FIRMWARE_UNKNOWN_KEY"),
    /** The signature does not verify: the manifest was changed after it was signed. */
    BAD_SIGNATURE("FIRMWARE_BAD_SIGNATURE"),
    /** The image is for another product or for hardware revisions the device is not. */
    OTHER_HARDWARE("FIRMWARE_OTHER_HARDWARE"),
    /** The image is older than what the device runs, or its security counter is lower. */
    DOWNGRADE("FIRMWARE_DOWNGRADE"),
    /** The image is the version the device runs already. */
    ALREADY_INSTALLED("FIRMWARE_ALREADY_INSTALLED"),
    /** The image's bytes do not match its manifest (size, SHA-256 or a chunk's SHA-256), or the file is cut. */
    DAMAGED("FIRMWARE_DAMAGED");

    private final String code;

    FirmwareRefusal(String code) {
        this.code = code;
    }

    /** The code an error reply and the command line's message carry, such as {@code FIRMWARE_DOWNGRADE}. */
    public String code() {
        return code;
    }

    /** The refusal whose code is {@code code}, or null for a code that is no firmware refusal. */
    public static FirmwareRefusal ofCode(String code) {
        for (FirmwareRefusal refusal : values()) {
            if (refusal.code.equals(code)) {
                return refusal;
            }
        }
        return null;
    }
}
