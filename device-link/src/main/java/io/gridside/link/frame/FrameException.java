package io.gridside.link.frame;

/** A frame that broke one of the framing rules; the frame is dropped and counted, never used. */
public final class FrameException extends RuntimeException {

    /** The framing rule a frame broke, so that drop counters can say why. */
    public enum Rule {
        COBS,
        TOO_SHORT,
        TOO_LONG,
        VERSION,
        LENGTH,
        HEADER,
        CHECKSUM
    }

    private final Rule rule;

    public FrameException(Rule rule, String message) {
        super("Frame dropped: " + message + ".");
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
