/**
 * Cloud sync on screen: the indicator the status bar always shows (online or not, what waits, when the site last
 * synced, a badge for items that need attention) and the Sync screen, with what waits by priority, a run's live
 * progress, the items a person must look at and the customer values another edit overwrote.
 */
package io.gridside.console.sync;
