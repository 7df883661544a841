package io.gridside.sim.wire;

/**
 * What one direction of a wire has done since it opened.
 *
 * @param bytesSent bytes the sender handed over
 * @param bytesDelivered bytes the receiver has read
 * @param bytesCorrupted bytes replaced by a different one on the way
 * @param framesLost frames lost whole
 * @param bytesLost the bytes of the frames lost whole
 */
public record WireStats(long bytesSent, long bytesDelivered, long bytesCorrupted, long framesLost, long bytesLost) {
}
