package io.gridside.console.tasks;

import io.gridside.console.Sentence;
import io.gridside.console.service.Progress;
import io.gridside.link.client.CancelSignal;

/** What background work sees of its task: where to report progress and whether to stop. */
public interface TaskContext extends Progress, CancelSignal {

    /**
     * As {@link #update(String, long, long)}, with {@code message} kept as a sentence, so that the task list words
     * it again in the language in use after a switch.
     */
    default void update(Sentence message, long done, long total) {
        update(message.text(), done, total);
    }
}
