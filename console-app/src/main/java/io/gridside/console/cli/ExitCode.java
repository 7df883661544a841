package io.gridside.console.cli;

/** The exit codes every command keeps to. */
public final class ExitCode {

    public static final int OK = 0;
    /**
     * The operation ran and failed, or the gateway answered and refused it: to the session's role, or with a code of
     * its own such as {@code CLOCK_REFUSED} (decision 0086).
     */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The gateway or cloud could not be reached, did not answer, or refused the session; never a request's refusal. */
    public static final int UNREACHABLE = 3;
    /**
     * The console met an error it did not foresee (a programming error, a failure of the Java runtime): the one line
     * printed names its incident code, and only the log holds the details.
     */
    public static final int UNEXPECTED = 4;

    private ExitCode() {
    }
}
