package io.gridside.console.replay;

/** A window cannot be replayed, for a reason the message tells the technician in a sentence: nothing pulled yet. */
public final class ReplayUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayUnavailableException(String message) {
        super(message);
    }

    public ReplayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
