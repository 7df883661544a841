/**
 * The console's application services: connecting, pulling a site into its store, and auditing its billing.
 * Shared by the windows and the command line; nothing here touches JavaFX.
 */
package io.gridside.console.service;
