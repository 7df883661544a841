package io.gridside.console.cli;

/** The exit codes every command keeps to. */
public final class ExitCode {

    public static final int OK = 0;
    /** The operation ran and failed, or the gateway refused it to the session's role. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The gateway or cloud could not be reached or refused the session. */
    public static final int UNREACHABLE = 3;
    /**
     * The console met an error it did not foresee (a programming error, a failure of the Java runtime): the one line
     * printed names its incident code, and only the log holds the details.
     */
    public static final int UNEXPECTED = 4;

    private ExitCode() {
    }
}
