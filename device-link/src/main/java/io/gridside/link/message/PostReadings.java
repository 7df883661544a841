package io.gridside.link.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Asks the gateway to take register reads that reached the console another way than over the mesh: reads imported
 * from a file, and reads a technician decided on in the exceptions queue. Only a supervisor may ask, and only as a
 * signed command, since a read the gateway takes may move money. The gateway judges each read on its own and
 * answers with a {@link ReadingsTaken}.
 *
 * @param reads 1 to {@link #MAX_READS} reads
 */
public record PostReadings(List<Read> reads) implements Message {

    /** The most reads one request carries: a day of one meter's quarter hours, which fits a frame. */
    public static final int MAX_READS = 96;

    public PostReadings {
        reads = List.copyOf(reads);
        if (reads.isEmpty() || reads.size() > MAX_READS) {
            throw new IllegalArgumentException("a PostReadings carries 1 to " + MAX_READS + " reads, not "
                    + reads.size());
        }
    }

    /** Where a read came from, which says what the gateway may do with it. */
    public enum Origin {
        /** A line of a file of reads imported on the console: it fills a gap, or is a copy of a read held. */
        IMPORT,
        /** A read held back on the exceptions queue that a technician accepted as it came. */
        ACCEPTED,
        /** The register a technician gave for a meter and time on the exceptions queue: it may correct a read. */
        OVERRIDDEN
    }

    /**
     * One register read.
     *
     * @param readAt when the register read so: the end of a quarter hour
     * @param registerWh the meter's cumulative register then, in Wh
     * @param originId the file and line ({@code FILE:LINE}) or the exception decision's id it came from
     * @param reason why the read is sent, in the technician's words or the import's
     */
    public record Read(String meterId, Instant readAt, long registerWh, Origin origin, String originId,
            String reason) {

        public Read {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(readAt, "readAt");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(originId, "originId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
