package io.gridside.console.tasks;

/** Work that runs off the JavaFX thread and yields a result. */
@FunctionalInterface
public interface BackgroundWork<T> {

    T run(TaskContext context) throws Exception;
}
