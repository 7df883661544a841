/** The command line: the scripted face of the console's services. Output for programs is JSON behind --json. */
package io.gridside.console.cli;
