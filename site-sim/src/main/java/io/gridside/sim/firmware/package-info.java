/**
 * The simulated gateway's firmware: the images it receives chunk by chunk and keeps on its flash, its two slots
 * with a trial boot that confirms or reverts, and the meter campaigns it runs on its own.
 */
package io.gridside.sim.firmware;
