package io.gridside.console.tasks;

import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;

/** What background work sees of its task: where to report progress and whether to stop. */
public interface TaskContext extends Progress, CancelSignal {
}
