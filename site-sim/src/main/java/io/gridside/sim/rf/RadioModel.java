package io.gridside.sim.rf;

/**
 * The radio's numbers: a sub-GHz (868 MHz) mesh of meters with small antennas near the ground, and a gateway with
 * a better antenna on a mast. Signal falls off by log-distance path loss; a packet gets through with a probability
 * that rises steeply with its signal-to-noise ratio; and a link's expected transmission count (ETX) is the inverse
 * of the chance that a packet and its acknowledgement both get through.
 */
final class RadioModel {

    static final double METER_TX_DBM = 14;
    static final double METER_TX_SIGMA_DB = 1.0;
    static final double METER_GAIN_DBI = -1;
    /** Meters hang in boxes, on walls, behind iron sheets: their antennas differ more than their radios. */
    static final double METER_GAIN_SIGMA_DB = 1.5;
    static final double GATEWAY_TX_DBM = 20;
    static final double GATEWAY_GAIN_DBI = 5;

    static final double LOSS_AT_1M_DB = 31;
    /** Antennas a metre or two above ground among houses and trees lose faster than in free space. */
    static final double PATH_LOSS_EXPONENT = 3.5;

    /** Thermal noise in the channel's bandwidth, the receiver's noise figure and the usual man-made noise. */
    static final double NOISE_FLOOR_DBM = -108;
    static final double NOISE_FLOOR_SIGMA_DB = 1.5;
    /** The gateway stands beside the powerhouse's inverters, which raise its floor a little. */
    static final double GATEWAY_NOISE_EXTRA_DB = 3;

    /** The signal-to-noise ratio at which half the packets get through, and how sharply that changes. */
    static final double SNR_HALF_DB = 4;
    static final double SNR_SLOPE_DB = 1.2;
    /** The ETX reported for a link that carries next to nothing. */
    static final double MAX_ETX = 1000;

    private RadioModel() {
    }

    static double pathLossDb(double metres) {
        return LOSS_AT_1M_DB + 10 * PATH_LOSS_EXPONENT * StrictMath.log10(Math.max(metres, 1));
    }

    /** The chance that one packet is received at {@code snrDb}. */
    static double packetSuccess(double snrDb) {
        return 1 / (1 + StrictMath.exp(-(snrDb - SNR_HALF_DB) / SNR_SLOPE_DB));
    }

    /** Transmissions expected until a packet is received and its acknowledgement comes back. */
    static double etx(double psrForward, double psrReverse) {
        double both = psrForward * psrReverse;
        return both <= 1 / MAX_ETX ? MAX_ETX : 1 / both;
    }
}
