/**
 * The simulated gateway's history on its own storage, as a real gateway keeps it on flash: readings, ledger
 * entries and events, written a quarter hour at a time, so that the gateway's heap does not grow with its days.
 */
package io.gridside.sim.journal;
