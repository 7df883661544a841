package io.gridside.site.firmware;

import java.util.Objects;

/** A firmware image refused, with the reason's code and a sentence that tells the technician what to do. */
public final class FirmwareRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FirmwareRefusal refusal;

    public FirmwareRefusedException(FirmwareRefusal refusal, String message) {
        super(message);
        this.refusal = Objects.requireNonNull(refusal, "refusal");
    }

    public FirmwareRefusal refusal() {
        return refusal;
    }
}
