/**
 * The prepaid billing engine that both the gateway and the console run, so that the console can audit the
 * gateway by running the same rules over the same readings.
 */
package io.gridside.billing;
