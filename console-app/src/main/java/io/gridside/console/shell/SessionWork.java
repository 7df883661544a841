package io.gridside.console.shell;

import io.gridside.console.service.ConsoleSession;
import io.gridside.console.tasks.TaskContext;

/** A screen's piece of work with the open session, which runs off the JavaFX thread. */
@FunctionalInterface
public interface SessionWork<T> {

    T run(ConsoleSession session, TaskContext context) throws Exception;
}
