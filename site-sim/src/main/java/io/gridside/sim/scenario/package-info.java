/**
 * Scripted scenarios for the simulated site: what goes wrong, where and when, with the events each step
 * causes tagged with that step as their ground-truth cause.
 */
package io.gridside.sim.scenario;
