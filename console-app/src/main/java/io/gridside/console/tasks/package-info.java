/** The one place where long work runs off the JavaFX thread, with progress, cancel and a visible result. */
package io.gridside.console.tasks;
