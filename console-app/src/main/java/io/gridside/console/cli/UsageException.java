package io.gridside.console.cli;

/** The command line asked for something impossible; the command exits with the usage code. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
