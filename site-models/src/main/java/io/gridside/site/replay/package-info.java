/**
 * A site's state at any instant of its history, rebuilt from its event log: which meters had power, which could
 * talk and over which parent, whose relay was held open and why, and how the gateway and the mini-grid's plant
 * stood.
 */
package io.gridside.site.replay;
