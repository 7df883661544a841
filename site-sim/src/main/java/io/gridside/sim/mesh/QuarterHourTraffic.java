package io.gridside.sim.mesh;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway counted of its meters' traffic in one window of service, the quarter hour after {@code opening}
 * in which the meters send the readings of the interval that ended then.
 *
 * @param opening the quarter hour at which the window opened and the meters began to send
 * @param sent the readings the meters sent in the window: every meter with a route that the gateway reads
 * @param arrived the readings that reached the gateway's intake in the window, of this interval or earlier ones
 * @param arrivalsPer10s how many arrived in each 10 s of the window, 90 counts from its opening
 * @param burstPer10s the most that arrived in any 10 s of the window: the burst
 * @param deepestMeshQueue the most frames any radio of the mesh held to forward at once
 * @param deepestMeshNode the meter whose queue that was, or null when no radio held a frame
 * @param peakIntakeDepth the most messages that waited at the gateway's intake at once
 * @param meshDropped the readings the mesh dropped, held back too often by full or failing hops
 * @param intakeDropped the messages the intake dropped because their meter's queue there was full
 * @param retries the frames sent again on a hop after a first attempt failed
 * @param holds the times a radio held a frame back because its parent's queue, or the intake, was full
 * @param medianLatencyMillis the median time from a meter sending a reading to its arrival at the intake
 * @param worstLatencyMillis the longest such time; both 0 when nothing arrived
 * @param heldInMesh the readings still in the mesh when the window closed
 * @param waitingAtIntake the messages still waiting at the intake when the window closed
 */
public record QuarterHourTraffic(Instant opening, int sent, int arrived, List<Integer> arrivalsPer10s,
        int burstPer10s, int deepestMeshQueue, String deepestMeshNode, int peakIntakeDepth, int meshDropped,
        long intakeDropped, int retries, int holds, long medianLatencyMillis, long worstLatencyMillis,
        int heldInMesh, int waitingAtIntake) {

    public QuarterHourTraffic {
        arrivalsPer10s = List.copyOf(arrivalsPer10s);
    }
}
