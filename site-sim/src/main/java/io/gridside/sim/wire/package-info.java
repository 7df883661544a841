/**
 * An emulated wire between a console and a gateway: a line rate counted in bits, latency, corrupted bytes,
 * lost frames and cuts, each direction on its own and every fault drawn from a seed. It runs on the real clock,
 * or on a virtual one on which a test moves megabytes "at 115200 baud" in a fraction of a second.
 *
 * <p>Beside it, {@link io.gridside.sim.wire.CellularLink}: a TCP proxy on loopback that stands for the cellular
 * link between a console and the cloud, with a rate each way, a one-way delay and lost segments, on the same clocks.
 */
package io.gridside.sim.wire;
