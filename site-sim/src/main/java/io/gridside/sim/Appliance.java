package io.gridside.sim;

/**
 * A kind of appliance found on a rural mini-grid, with what it draws and when people use it.
 *
 * <p>Each kind has three usage profiles, for weekdays, Saturdays and Sundays, written as 24 characters, one per hour
 * from midnight: the chance in tenths that the appliance is in use during a quarter hour of that hour, {@code X}
 * for certain. While in use it runs its duty cycle of the quarter hour (a fridge's compressor about half of it, a
 * hair dryer a few minutes); a motor that starts draws its inrush for a moment, which shows in the peak power but
 * hardly in the energy.
 */
public enum Appliance {

    LED_LIGHTS(10, 36, 1.0, 1.0, false,
            "000002410000000000" + "4X9852",
            "000002410000000000" + "4X9852",
            "000002410000000000" + "4X9852"),
    /** One bulb left on outside all night, against thieves. */
    SECURITY_LIGHT(5, 10, 1.0, 1.0, true,
            "XXXXXX" + "000000000000" + "XXXXXX",
            "XXXXXX" + "000000000000" + "XXXXXX",
            "XXXXXX" + "000000000000" + "XXXXXX"),
    PHONE_CHARGING(5, 12, 0.4, 1.0, false,
            "000000" + "23" + "111111111" + "2455431",
            "000000" + "23" + "222222222" + "2455431",
            "000000" + "23" + "222222222" + "2455431"),
    RADIO(4, 15, 1.0, 1.0, false,
            "000000" + "452" + "11111111" + "2466420",
            "000000" + "453" + "33333333" + "4566420",
            "000000" + "453" + "33333333" + "4566420"),
    /** A flat-screen television with its satellite decoder. */
    TELEVISION(30, 90, 1.0, 1.0, false,
            "000000" + "01" + "00000" + "1111" + "2478741",
            "000000" + "01" + "22223" + "3333" + "5678742",
            "000000" + "01" + "22223" + "3333" + "5678742"),
    /** A small fridge in the few households that have one: its compressor cycles day and night. */
    FRIDGE(60, 120, 0.4, 3.0, true,
            "XXXXXXXXXXXXXXXXXXXXXXXX",
            "XXXXXXXXXXXXXXXXXXXXXXXX",
            "XXXXXXXXXXXXXXXXXXXXXXXX"),
    /** A shop's chest freezer or drinks fridge, larger and fuller than a household's. */
    SHOP_FRIDGE(90, 180, 0.45, 3.0, true,
            "XXXXXXXXXXXXXXXXXXXXXXXX",
            "XXXXXXXXXXXXXXXXXXXXXXXX",
            "XXXXXXXXXXXXXXXXXXXXXXXX"),
    /** A shop's tubes and bulbs, on from dusk until it closes. */
    SHOP_LIGHTS(20, 60, 1.0, 1.0, false,
            "000000300000000000" + "8XX620",
            "000000300000000000" + "8XX620",
            "000000000000000000" + "8XX620"),
    /** Music at the shop's door while it is open; on Sunday it opens after church. */
    SOUND_SYSTEM(20, 60, 1.0, 1.0, false,
            "0000000" + "6666666666666" + "6300",
            "0000000" + "6666666666666" + "6300",
            "000000000000" + "66666666" + "6300"),
    /** A shop that charges customers' phones for a fee: a board of chargers. */
    CHARGING_STATION(20, 60, 0.7, 1.0, false,
            "0000000" + "5555555555555" + "5200",
            "0000000" + "6666666666666" + "6200",
            "000000000000" + "55555555" + "5200"),
    CLIPPERS(10, 20, 0.5, 1.0, false,
            "00000000" + "333333333" + "666" + "3" + "000",
            "00000000" + "666666666" + "888" + "5" + "000",
            "000000000000" + "44444" + "444" + "2" + "000"),
    HAIR_DRYER(1_000, 1_600, 0.12, 1.0, false,
            "00000000" + "111111111" + "333" + "1" + "000",
            "00000000" + "333333333" + "444" + "2" + "000",
            "000000000000" + "22222" + "222" + "1" + "000"),
    /** The big screen of a bar or video hall: evening shows every day, football on weekend afternoons. */
    BAR_TELEVISION(80, 150, 1.0, 1.0, false,
            "000000000000" + "0000" + "12" + "58XX95",
            "000000000000" + "5566" + "77" + "8XXXX7",
            "000000000000" + "5566" + "77" + "8XXXX7"),
    /** A bar's loudspeakers, loudest and latest on Friday and Saturday nights (the early hours count as weekend). */
    BAR_SOUND(100, 300, 1.0, 1.0, false,
            "00000000000000000" + "1234532",
            "42" + "000000000000" + "3333" + "568XX8",
            "42" + "000000000000" + "3333" + "568XX8"),
    /** A posho (maize) mill's motor: grinding in batches through the working day, started star-delta. */
    MILL_MOTOR(3_000, 7_500, 0.6, 2.0, false,
            "0000000" + "3" + "77777" + "5" + "777" + "3" + "000000",
            "0000000" + "3" + "88888" + "3" + "0000000000",
            "000000000000000000000000"),
    /** An arc welder: short welds with pauses to fit the next piece. */
    WELDER(2_500, 5_000, 0.25, 1.5, false,
            "00000000" + "5555" + "2" + "5555" + "0000000",
            "00000000" + "5555" + "2" + "0000" + "0000000",
            "000000000000000000000000"),
    ANGLE_GRINDER(800, 2_000, 0.2, 2.5, false,
            "00000000" + "3333" + "1" + "3333" + "0000000",
            "00000000" + "3333" + "1" + "0000" + "0000000",
            "000000000000000000000000");

    /** The day types, as {@link LocalInterval#dayType()} numbers them. */
    static final int WEEKDAY = 0;
    static final int SATURDAY = 1;
    static final int SUNDAY = 2;

    private final double minWatts;
    private final double maxWatts;
    private final double duty;
    private final double inrush;
    private final boolean unattended;
    /** The chance of use by day type and hour. */
    private final double[][] chance;

    /**
     * @param minWatts the smallest rating a customer's appliance of this kind has
     * @param maxWatts the largest
     * @param duty the share of a quarter hour in use that it draws its rating
     * @param inrush how many times its rating it draws for a moment when it starts
     * @param unattended whether it runs on a day when nobody is there
     */
    Appliance(double minWatts, double maxWatts, double duty, double inrush, boolean unattended,
            String weekday, String saturday, String sunday) {
        this.minWatts = minWatts;
        this.maxWatts = maxWatts;
        this.duty = duty;
        this.inrush = inrush;
        this.unattended = unattended;
        this.chance = new double[][] {hours(weekday), hours(saturday), hours(sunday)};
    }

    private double[] hours(String profile) {
        if (profile.length() != 24) {
            throw new IllegalStateException(name() + " has a usage profile of " + profile.length() + " hours");
        }
        double[] hours = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            char c = profile.charAt(hour);
            hours[hour] = c == 'X' ? 1.0 : Character.digit(c, 10) / 10.0;
        }
        return hours;
    }

    double minWatts() {
        return minWatts;
    }

    double maxWatts() {
        return maxWatts;
    }

    double duty() {
        return duty;
    }

    double inrush() {
        return inrush;
    }

    boolean unattended() {
        return unattended;
    }

    /** The chance that it is in use in a quarter hour of {@code hour} on a day of {@code dayType}. */
    double chance(int dayType, int hour) {
        return chance[dayType][hour];
    }
}
