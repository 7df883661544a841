package io.gridside.console.service.sync;

import java.time.Duration;

/** Waits between attempts: the real clock in the console, nothing at all in tests on a virtual clock. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the real clock. */
    Sleeper REAL = wait -> Thread.sleep(wait.toMillis());

    void sleep(Duration wait) throws InterruptedException;
}
