/**
 * The Replay screen: a window of a site's history on a timeline of its events' density and outages, played at any
 * speed or stepped event by event, with the mesh and the meters as they stood at the instant, and the outages the
 * diagnosis found, each with its evidence.
 */
package io.gridside.console.replay;
