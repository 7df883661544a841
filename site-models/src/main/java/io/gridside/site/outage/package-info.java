/**
 * Outages found in a site's event log and told apart by cause, with the evidence that decided each, and the
 * reliability indices of IEEE 1366 computed from them.
 */
package io.gridside.site.outage;
