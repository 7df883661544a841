/**
 * A simulated mini-grid site: a gateway that bills with the same engine as the console, meters placed like a
 * village's on an RF mesh that routes and reroutes over time ({@link io.gridside.sim.rf}), whose messages the
 * gateway serves round-robin by meter at a bounded rate ({@link io.gridside.sim.mesh}),
 * household and business loads, and a clock that can run faster than real time. It is reachable over TCP and
 * over a pseudo-terminal, exactly as a real gateway is over its LAN and its USB port, and through an emulated
 * wire ({@link io.gridside.sim.wire}) that imposes a serial line's rate and faults.
 */
package io.gridside.sim;
