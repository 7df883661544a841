/**
 * The simulated site's radio side: where the village's meters stand, how well each pair of them hears the other
 * in each direction, and how the meters route to the gateway over a mesh that changes with simulated time.
 *
 * <p>Everything here is a function of a seed and the simulated clock, so the same site replays bit for bit.
 */
package io.gridside.sim.rf;
