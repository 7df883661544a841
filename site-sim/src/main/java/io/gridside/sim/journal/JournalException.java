package io.gridside.sim.journal;

/** The gateway's journal could not be opened, written or read; the simulated gateway cannot go on without it. */
public final class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A journal that cannot be resumed, for the reason {@code message} gives. */
    public JournalException(String message) {
        super(message);
    }

    JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
