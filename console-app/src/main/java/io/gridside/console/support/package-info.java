/**
 * What the console gives its support team: a code for every unexpected error, the same code in the log beside the
 * details, and the diagnostics bundle, a zip freed of credentials and personal data. Nothing here touches JavaFX,
 * so the window and the command line share it.
 */
package io.gridside.console.support;
