/**
 * Sync of a site's store with the operator's cloud: the pinned HTTPS client, one run of the engine (handshake,
 * up streams by priority in resumable compressed batches, down streams by cursor), the schedule that runs it by
 * itself with back-off, and the status the console shows. Nothing here touches JavaFX.
 */
package io.gridside.console.service.sync;
