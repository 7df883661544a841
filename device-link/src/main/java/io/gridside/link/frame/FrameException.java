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
    private final int version;

    public FrameException(Rule rule, String message) {
        this(rule, message, -1);
    }

    private FrameException(Rule rule, String message, int version) {
        super("Frame dropped: " + message + ".");
        this.rule = rule;
        this.version = version;
    }

    /** An intact frame (its checksum holds) of a frame version this build does not speak. */
    static FrameException foreignVersion(int version) {
        return new FrameException(Rule.VERSION, "it uses frame version " + version + ", this build speaks "
                + Frame.VERSION, version);
    }

    /** The frame's version, for a {@link Rule#VERSION} drop; -1 otherwise. */
    public int version() {
        return version;
    }

    public Rule rule() {
        return rule;
    }
}
