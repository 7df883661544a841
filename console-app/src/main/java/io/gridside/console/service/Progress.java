package io.gridside.console.service;

import io.gridside.console.Sentence;

/** Receives how far a long piece of work has got. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (message, done, total) -> { };

    /**
     * @param message what is happening, for the technician
     * @param done how much is done, in any unit
     * @param total how much there is in all, or -1 when unknown
     */
    void update(String message, long done, long total);

    /**
     * As {@link #update(String, long, long)}, with {@code message} kept as a sentence: a receiver that shows it for
     * a while (the task list) words it again in the language in use after a switch; any other reads its words now.
     */
    default void update(Sentence message, long done, long total) {
        update(message.text(), done, total);
    }
}
