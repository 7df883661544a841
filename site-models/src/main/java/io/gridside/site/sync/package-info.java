/**
 * What the console's site store keeps for sync with the cloud: the up and down streams, hybrid logical clocks for
 * customer reference fields, and the records the store hands out and takes in.
 */
package io.gridside.site.sync;
