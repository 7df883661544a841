package io.gridside.sim.rf;

/**
 * Every radio of a site, meters first in their order and the gateway last, with what makes each one differ from
 * the datasheet: its transmit power, its antenna's gain where it hangs, and the noise floor around it.
 */
final class RadioNodes {

    private static final long SALT = 0x5EED_0002L;

    private final double[] east;
    private final double[] north;
    private final double[] txDbm;
    private final double[] gainDbi;
    private final double[] floorDbm;

    RadioNodes(long seed, VillageMap village) {
        int count = village.meters() + 1;
        east = new double[count];
        north = new double[count];
        txDbm = new double[count];
        gainDbi = new double[count];
        floorDbm = new double[count];
        for (int i = 0; i < village.meters(); i++) {
            east[i] = village.east(i);
            north[i] = village.north(i);
            txDbm[i] = RadioModel.METER_TX_DBM + RadioModel.METER_TX_SIGMA_DB * Draw.gaussian(seed, SALT, i, 1);
            gainDbi[i] = RadioModel.METER_GAIN_DBI + RadioModel.METER_GAIN_SIGMA_DB * Draw.gaussian(seed, SALT, i, 2);
            floorDbm[i] = RadioModel.NOISE_FLOOR_DBM
                    + RadioModel.NOISE_FLOOR_SIGMA_DB * Draw.gaussian(seed, SALT, i, 3);
        }
        int gateway = village.meters();
        txDbm[gateway] = RadioModel.GATEWAY_TX_DBM;
        gainDbi[gateway] = RadioModel.GATEWAY_GAIN_DBI;
        floorDbm[gateway] = RadioModel.NOISE_FLOOR_DBM + RadioModel.GATEWAY_NOISE_EXTRA_DB;
    }

    /** How many radios, gateway included. */
    int count() {
        return east.length;
    }

    int gateway() {
        return east.length - 1;
    }

    double east(int node) {
        return east[node];
    }

    double north(int node) {
        return north[node];
    }

    double distance(int a, int b) {
        return Math.hypot(east[a] - east[b], north[a] - north[b]);
    }

    /** The noise floor at {@code node} when nothing interferes. */
    double floorDbm(int node) {
        return floorDbm[node];
    }

    /** What {@code to} receives of {@code from} before shadowing: power, both antennas, and path loss. */
    double meanRssiDbm(int from, int to) {
        return txDbm[from] + gainDbi[from] + gainDbi[to] - RadioModel.pathLossDb(distance(from, to));
    }
}
