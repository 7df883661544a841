package io.gridside.sim.wire;

/**
 * What one direction of a cellular link has carried.
 *
 * @param payloadBytes the bytes of the stream, each once
 * @param wireBytes the bytes the line carried: each lost segment's bytes once more per loss (TCP and IP headers
 *     are not counted, on either side of a comparison)
 * @param segments the segments the stream was cut into
 * @param segmentsLost the attempts lost, a segment lost twice counting twice
 */
public record CellularCounts(long payloadBytes, long wireBytes, long segments, long segmentsLost) {

    /** No bytes yet. */
    public static final CellularCounts NONE = new CellularCounts(0, 0, 0, 0);

    /** The sum of two counts, as of two connections. */
    public CellularCounts plus(CellularCounts other) {
        return new CellularCounts(payloadBytes + other.payloadBytes, wireBytes + other.wireBytes,
                segments + other.segments, segmentsLost + other.segmentsLost);
    }
}
