package io.gridside.console.tasks;

import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;

/**
 * What background work sees of its task: where to report progress and whether to stop. Progress reported as a
 * {@link io.gridside.console.Sentence} is worded again by the task list in the language in use after a switch.
 */
public interface TaskContext extends Progress, CancelSignal {
}
