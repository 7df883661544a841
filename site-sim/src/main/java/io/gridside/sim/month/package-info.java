/**
 * A month of a simulated site's data, generated from a seed and cached on disk in the console's own site
 * database format, so that the billing, replay and sync benchmarks all measure the same month.
 */
package io.gridside.sim.month;
