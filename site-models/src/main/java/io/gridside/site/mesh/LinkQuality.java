package io.gridside.site.mesh;

import io.gridside.site.TopologySnapshot;
import java.util.Locale;

/**
 * The thresholds that grade a link's directions and decide whether a meter can send upward through a link.
 *
 * <p>A direction is graded by both its received signal and its packet success, the worse of the two winning:
 * signal alone misses interference, packet success alone misses a link about to fade out. The defaults suit
 * sub-GHz mesh radios (868/915 MHz, sensitivity about -104 dBm at their usual data rate):
 * <ul>
 *   <li>GOOD: at least -85 dBm (15 dB or more of fade margin) and at least 95 % of packets through;</li>
 *   <li>FAIR: at least -94 dBm (6 dB or more of margin) and at least 80 %;</li>
 *   <li>WEAK: at least -104 dBm and at least 50 %: a link that a wet season or a parked truck can take away;</li>
 *   <li>UNUSABLE: below either.</li>
 * </ul>
 * A link is also weak when its ETX (expected transmissions of a packet and its acknowledgement) is above 2.5, and
 * one-way when its two directions' signals differ by 10 dB or more.
 *
 * @param sensitivityDbm below this received signal a direction is unusable
 * @param weakBelowDbm below this received signal a direction is weak
 * @param fairBelowDbm below this received signal a direction is at best fair
 * @param usablePsr below this packet success a direction is unusable
 * @param weakBelowPsr below this packet success a direction is weak
 * @param fairBelowPsr below this packet success a direction is at best fair
 * @param weakAboveEtx above this ETX a link is weak whatever its directions' grades
 * @param oneWayGapDb a difference of this many dB or more between the two directions' signals makes a link one-way
 */
public record LinkQuality(double sensitivityDbm, double weakBelowDbm, double fairBelowDbm, double usablePsr,
        double weakBelowPsr, double fairBelowPsr, double weakAboveEtx, double oneWayGapDb) {

    /** The thresholds for sub-GHz mesh radios described above. */
    public static final LinkQuality DEFAULTS = new LinkQuality(-104, -94, -85, 0.5, 0.8, 0.95, 2.5, 10);

    public LinkQuality {
        if (!(sensitivityDbm <= weakBelowDbm && weakBelowDbm <= fairBelowDbm)) {
            throw new IllegalArgumentException("signal thresholds must rise from sensitivity to fair, were "
                    + sensitivityDbm + ", " + weakBelowDbm + ", " + fairBelowDbm);
        }
        if (!(usablePsr >= 0 && usablePsr <= weakBelowPsr && weakBelowPsr <= fairBelowPsr && fairBelowPsr <= 1)) {
            throw new IllegalArgumentException("packet success thresholds must rise from usable to fair within 0 to 1,"
                    + " were " + usablePsr + ", " + weakBelowPsr + ", " + fairBelowPsr);
        }
        if (!(weakAboveEtx >= 1) || !(oneWayGapDb > 0)) {
            throw new IllegalArgumentException("the weak ETX must be at least 1 and the one-way gap above 0 dB, were "
                    + weakAboveEtx + " and " + oneWayGapDb);
        }
    }

    /** The grade of a direction that receives {@code rssiDbm} and passes {@code psr} of its packets. */
    public LinkGrade grade(double rssiDbm, double psr) {
        if (rssiDbm < sensitivityDbm || psr < usablePsr) {
            return LinkGrade.UNUSABLE;
        }
        if (rssiDbm < weakBelowDbm || psr < weakBelowPsr) {
            return LinkGrade.WEAK;
        }
        if (rssiDbm < fairBelowDbm || psr < fairBelowPsr) {
            return LinkGrade.FAIR;
        }
        return LinkGrade.GOOD;
    }

    /** The grade of what the link's {@code to} radio receives of its {@code from} radio. */
    public LinkGrade forward(MeshGraph.Link link) {
        return grade(link.measures().forwardRssiDbm(), link.measures().forwardPsr());
    }

    /** The grade of what the link's {@code from} radio receives of its {@code to} radio. */
    public LinkGrade reverse(MeshGraph.Link link) {
        return grade(link.measures().reverseRssiDbm(), link.measures().reversePsr());
    }

    /** The worse of the link's two directions. */
    public LinkGrade worse(MeshGraph.Link link) {
        LinkGrade forward = forward(link);
        LinkGrade reverse = reverse(link);
        return forward.compareTo(reverse) >= 0 ? forward : reverse;
    }

    /**
     * Whether the link's {@code from} meter can send a packet to {@code to} and hear its acknowledgement now: both
     * directions usable, and the link current. A stale link is never usable: nothing says it still exists.
     */
    public boolean usableUpward(MeshGraph.Link link) {
        return !link.stale() && forward(link) != LinkGrade.UNUSABLE && reverse(link) != LinkGrade.UNUSABLE;
    }

    /** Whether the link is weak: a direction weak or worse, or an ETX above the weak threshold. */
    public boolean weak(MeshGraph.Link link) {
        return worse(link).compareTo(LinkGrade.WEAK) >= 0 || link.measures().etx() > weakAboveEtx;
    }

    /**
     * Why the link is one-way, or null when it is not: one direction usable and the other not, or the two
     * directions' signals {@link #oneWayGapDb} or more apart.
     */
    public String oneWayReason(MeshGraph.Link link) {
        boolean forwardUsable = forward(link) != LinkGrade.UNUSABLE;
        boolean reverseUsable = reverse(link) != LinkGrade.UNUSABLE;
        TopologySnapshot.Link measures = link.measures();
        if (forwardUsable && !reverseUsable) {
            return "only forward usable: " + measures.to() + " hears " + measures.from() + ", but what "
                    + measures.from() + " receives back is " + unusable(measures.reverseRssiDbm(),
                    measures.reversePsr());
        }
        if (reverseUsable && !forwardUsable) {
            return "only reverse usable: " + measures.from() + " hears " + measures.to() + ", but what "
                    + measures.to() + " receives of it is " + unusable(measures.forwardRssiDbm(),
                    measures.forwardPsr());
        }
        double gap = link.measures().forwardRssiDbm() - link.measures().reverseRssiDbm();
        if (Math.abs(gap) >= oneWayGapDb) {
            return String.format(Locale.ROOT, "signal %.0f dB %s forward than reverse", Math.abs(gap),
                    gap > 0 ? "stronger" : "weaker");
        }
        return null;
    }

    /** Why a direction is unusable, with its measures. */
    private String unusable(double rssiDbm, double psr) {
        // Two decimals, so that a measure just past a threshold does not print as the threshold itself.
        String measures = String.format(Locale.ROOT, " (%.2f dBm, %.1f %% of packets)", rssiDbm, psr * 100);
        if (psr < usablePsr) {
            return String.format(Locale.ROOT, "under %.0f %% of packets", usablePsr * 100) + measures;
        }
        return String.format(Locale.ROOT, "below %.0f dBm", sensitivityDbm) + measures;
    }
}
