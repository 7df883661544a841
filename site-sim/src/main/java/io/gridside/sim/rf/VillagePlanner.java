package io.gridside.sim.rf;

import io.gridside.site.CustomerCategory;
import java.util.Arrays;
import java.util.List;

/**
 * Lays out a village the way East African mini-grid villages grow: the powerhouse and gateway at a crossroads, a
 * market square of shops beside it, hamlets of houses strung along a few roads leading out, and the mills out at
 * the roads' ends where the noise and the dust bother nobody. The same seed gives the same village.
 */
public final class VillagePlanner {

    /** A rural site in western Kenya, near the lake; each seed moves it a few kilometres. */
    private static final GeoPoint REGION = new GeoPoint(-0.6835, 34.5560);
    private static final double HOUSES_PER_HAMLET = 12;
    private static final double HAMLET_SPREAD_METRES = 22;
    private static final double SHOP_SPACING_METRES = 7;
    private static final long SALT = 0x5EED_0001L;

    private final long seed;
    private final Roads roads;
    private final double[] market;

    private VillagePlanner(long seed, int households) {
        this.seed = seed;
        int count = (int) Math.min(8, 3 + households / 500);
        this.roads = new Roads(seed, count);
        this.market = new double[3];
    }

    /** Places one meter for each customer, by category: shops in the market, mills at the edge, houses in hamlets. */
    public static VillageMap plan(long seed, List<CustomerCategory> categories) {
        int shops = count(categories, CustomerCategory.SHOP);
        int mills = count(categories, CustomerCategory.MILL);
        int households = categories.size() - shops - mills;
        VillagePlanner planner = new VillagePlanner(seed, households);
        return planner.place(categories, shops, households, mills);
    }

    private VillageMap place(List<CustomerCategory> categories, int shops, int households, int mills) {
        layMarket(shops);
        Hamlets hamlets = new Hamlets(seed, roads, households, market[2] + 60);
        double[] east = new double[categories.size()];
        double[] north = new double[categories.size()];
        int shop = 0;
        int house = 0;
        int mill = 0;
        for (int i = 0; i < categories.size(); i++) {
            double[] at = switch (categories.get(i)) {
                case SHOP -> shopPosition(i, shop++);
                case MILL -> millPosition(i, mill++, hamlets);
                case HOUSEHOLD -> hamlets.house(i, house++);
            };
            east[i] = at[0];
            north[i] = at[1];
        }
        return new VillageMap(new LocalFrame(origin()), east, north, market);
    }

    private GeoPoint origin() {
        double latitude = REGION.latitude() + Draw.between(-0.03, 0.03, seed, SALT, 1, 0);
        double longitude = REGION.longitude() + Draw.between(-0.03, 0.03, seed, SALT, 2, 0);
        return new GeoPoint(latitude, longitude);
    }

    /** The market square sits on the first road just past the powerhouse, sized for its shops. */
    private void layMarket(int shops) {
        double radius = 15 + SHOP_SPACING_METRES * Math.sqrt(shops);
        double[] centre = roads.point(0, 40 + radius, 0);
        market[0] = centre[0];
        market[1] = centre[1];
        market[2] = radius;
    }

    private double[] shopPosition(int index, int shop) {
        double r = market[2] * Math.sqrt(Draw.unit(seed, SALT, index, 11));
        double angle = Draw.between(0, 2 * Math.PI, seed, SALT, index, 12);
        return new double[] {market[0] + r * StrictMath.cos(angle), market[1] + r * StrictMath.sin(angle)};
    }

    /** Mills take turns along the roads, each well past that road's last hamlet. */
    private double[] millPosition(int index, int mill, Hamlets hamlets) {
        int road = mill % roads.count();
        double along = hamlets.end(road) + Draw.between(60, 180, seed, SALT, index, 21) + 40.0 * (mill / roads.count());
        double aside = Draw.between(-30, 30, seed, SALT, index, 22);
        return roads.point(road, along, aside);
    }

    private static int count(List<CustomerCategory> categories, CustomerCategory category) {
        return (int) categories.stream().filter(c -> c == category).count();
    }

    /** Roads leave the crossroads at roughly even angles and bend gently as they go. */
    static final class Roads {

        private final double[] heading;
        private final double[] bendPerKm;

        Roads(long seed, int count) {
            heading = new double[count];
            bendPerKm = new double[count];
            double turn = Draw.between(0, 2 * Math.PI, seed, SALT, 31, 0);
            for (int r = 0; r < count; r++) {
                double jitter = Draw.between(-0.25, 0.25, seed, SALT, 32, r) * 2 * Math.PI / count;
                heading[r] = turn + r * 2 * Math.PI / count + jitter;
                bendPerKm[r] = Draw.between(-0.35, 0.35, seed, SALT, 33, r);
            }
        }

        int count() {
            return heading.length;
        }

        /** The point {@code along} metres out on road {@code road}, then {@code aside} metres off it to the left. */
        double[] point(int road, double along, double aside) {
            double direction = heading[road] + bendPerKm[road] * along / 1000;
            double east = along * StrictMath.cos(direction) - aside * StrictMath.sin(direction);
            double north = along * StrictMath.sin(direction) + aside * StrictMath.cos(direction);
            return new double[] {east, north};
        }
    }

    /** Hamlets of about a dozen houses, strung along the roads one after another, each a little off the road. */
    static final class Hamlets {

        private final long seed;
        private final Roads roads;
        private final double[][] centres;
        private final double[] end;

        Hamlets(long seed, Roads roads, int households, double start) {
            this.seed = seed;
            this.roads = roads;
            int count = Math.max(1, (int) Math.ceil(households / HOUSES_PER_HAMLET));
            this.centres = new double[count][];
            this.end = new double[roads.count()];
            Arrays.fill(end, start);
            for (int h = 0; h < count; h++) {
                int road = h % roads.count();
                end[road] += Draw.between(50, 120, seed, SALT, 41, h);
                double aside = Draw.between(20, 120, seed, SALT, 42, h) * (Draw.unit(seed, SALT, 43, h) < 0.5 ? -1 : 1);
                centres[h] = roads.point(road, end[road], aside);
            }
        }

        /** Metres along road {@code road} to its last hamlet. */
        double end(int road) {
            return end[road];
        }

        /** Houses fill the hamlets in order, so neighbours by number are mostly neighbours on the ground. */
        double[] house(int index, int house) {
            double[] centre = centres[(int) (house / HOUSES_PER_HAMLET) % centres.length];
            double east = centre[0] + HAMLET_SPREAD_METRES * Draw.gaussian(seed, SALT, index, 51);
            double north = centre[1] + HAMLET_SPREAD_METRES * Draw.gaussian(seed, SALT, index, 52);
            return new double[] {east, north};
        }
    }
}
