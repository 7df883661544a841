/** The console's frame: the session with a gateway, the screens it switches between, the status bar and tasks. */
package io.gridside.console.shell;
