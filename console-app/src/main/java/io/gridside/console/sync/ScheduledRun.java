package io.gridside.console.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * The end of a sync run the schedule started by itself, as the technician is told of it.
 *
 * @param took how long the run lasted
 * @param failure why it did not go through, in a sentence with the cloud's code; empty when it did
 */
public record ScheduledRun(Duration took, Optional<String> failure) {
}
