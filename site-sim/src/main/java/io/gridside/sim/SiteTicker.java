package io.gridside.sim;

import io.gridside.site.Reading;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timer that moves a running site's gateway along its clock: every 200 ms on a clock that runs by itself, and
 * as fast as it can on an {@link SimClock#unthrottled} clock, which it steps a quarter hour at a time.
 */
final class SiteTicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteTicker.class);
    /** How long an unthrottled site simulates before it pauses a moment for its consoles. */
    private static final Duration FLAT_OUT_SLICE = Duration.ofMillis(50);

    private final ScheduledExecutorService timer;
    private final Runnable advance;
    private final String site;

    private SiteTicker(String threadName, Runnable advance, String site) {
        this.advance = advance;
        this.site = site;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts moving a gateway along {@code clock}.
     *
     * @param threadName the timer thread's name
     * @param advance the gateway's step to its clock's present
     * @param site what the site is called in the log, such as {@code simulated site}
     */
    static SiteTicker start(String threadName, SimClock clock, Runnable advance, String site) {
        SiteTicker ticker = new SiteTicker(threadName, advance, site);
        if (clock instanceof SimClock.Unthrottled unthrottled) {
            ticker.timer.scheduleWithFixedDelay(() -> ticker.runFlatOut(unthrottled), 1, 1, TimeUnit.MILLISECONDS);
        } else {
            ticker.timer.scheduleWithFixedDelay(ticker::advanceQuietly, 200, 200, TimeUnit.MILLISECONDS);
        }
        return ticker;
    }

    /**
     * Steps an unthrottled clock a quarter hour at a time for a slice of wall time, then lets the timer pause a
     * moment, so that consoles' requests, which wait for the gateway's lock, are served between slices.
     */
    private void runFlatOut(SimClock.Unthrottled clock) {
        long until = System.nanoTime() + FLAT_OUT_SLICE.toNanos();
        while (System.nanoTime() < until) {
            clock.step(Reading.INTERVAL);
            advanceQuietly();
        }
    }

    private void advanceQuietly() {
        try {
            advance.run();
        } catch (RuntimeException e) {
            LOG.error("The {} failed to advance its clock.", site, e);
        }
    }

    /** Stops the timer, interrupting a step under way. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
