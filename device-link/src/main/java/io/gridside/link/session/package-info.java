/**
 * A live link over one transport: messages cut into numbered fragments, sent in a sliding window by priority,
 * acknowledged and resent until they arrive, and the counters the status bar shows.
 */
package io.gridside.link.session;
