package io.gridside.sim;

import static io.gridside.sim.Appliance.ANGLE_GRINDER;
import static io.gridside.sim.Appliance.BAR_SOUND;
import static io.gridside.sim.Appliance.BAR_TELEVISION;
import static io.gridside.sim.Appliance.CHARGING_STATION;
import static io.gridside.sim.Appliance.CLIPPERS;
import static io.gridside.sim.Appliance.FRIDGE;
import static io.gridside.sim.Appliance.HAIR_DRYER;
import static io.gridside.sim.Appliance.LED_LIGHTS;
import static io.gridside.sim.Appliance.MILL_MOTOR;
import static io.gridside.sim.Appliance.PHONE_CHARGING;
import static io.gridside.sim.Appliance.RADIO;
import static io.gridside.sim.Appliance.SECURITY_LIGHT;
import static io.gridside.sim.Appliance.SHOP_FRIDGE;
import static io.gridside.sim.Appliance.SHOP_LIGHTS;
import static io.gridside.sim.Appliance.SOUND_SYSTEM;
import static io.gridside.sim.Appliance.TELEVISION;
import static io.gridside.sim.Appliance.WELDER;

import io.gridside.site.CustomerCategory;
import java.util.List;

/**
 * The kinds of customer a village's meters serve, each with the appliances it may have and how often its
 * people are away (a household travelling, a shop shut, a mill without grain or with a broken belt).
 */
public enum Premises {

    HOUSEHOLD(CustomerCategory.HOUSEHOLD, "", 0.04,
            fit(LED_LIGHTS, 1), fit(PHONE_CHARGING, 1), fit(RADIO, 0.7), fit(TELEVISION, 0.4),
            fit(SECURITY_LIGHT, 0.3), fit(FRIDGE, 0.04)),
    GENERAL_STORE(CustomerCategory.SHOP, "General Store", 0.03,
            fit(SHOP_LIGHTS, 1), fit(SHOP_FRIDGE, 0.8), fit(SOUND_SYSTEM, 0.6), fit(CHARGING_STATION, 0.5),
            fit(LED_LIGHTS, 0.5)),
    BARBER(CustomerCategory.SHOP, "Barber Shop", 0.05,
            fit(SHOP_LIGHTS, 1), fit(CLIPPERS, 1), fit(HAIR_DRYER, 0.6), fit(SOUND_SYSTEM, 0.8),
            fit(TELEVISION, 0.5)),
    BAR(CustomerCategory.SHOP, "Bar", 0.03,
            fit(SHOP_LIGHTS, 1), fit(SHOP_FRIDGE, 1), fit(BAR_TELEVISION, 1), fit(BAR_SOUND, 0.7)),
    POSHO_MILL(CustomerCategory.MILL, "Posho Mill", 0.06,
            fit(MILL_MOTOR, 1), fit(LED_LIGHTS, 1), fit(RADIO, 0.7)),
    WELDING_WORKSHOP(CustomerCategory.MILL, "Welding Works", 0.06,
            fit(WELDER, 1), fit(ANGLE_GRINDER, 1), fit(LED_LIGHTS, 1), fit(RADIO, 0.7));

    /** An appliance that a customer of these premises has with the given chance. */
    record Fit(Appliance appliance, double chance) {
    }

    private final CustomerCategory category;
    private final String trade;
    private final double absentChance;
    private final List<Fit> fits;

    /**
     * @param trade how the business is named after its owner, empty for a household
     * @param absentChance the chance that nobody is there on a given day, when only unattended appliances run
     */
    Premises(CustomerCategory category, String trade, double absentChance, Fit... fits) {
        this.category = category;
        this.trade = trade;
        this.absentChance = absentChance;
        this.fits = List.of(fits);
    }

    private static Fit fit(Appliance appliance, double chance) {
        return new Fit(appliance, chance);
    }

    /** Which premises a customer of {@code category} has: most shops sell goods, most productive users mill. */
    static Premises draw(CustomerCategory category, long seed, int index) {
        double u = Noise.unit(seed, index, 300);
        return switch (category) {
            case HOUSEHOLD -> HOUSEHOLD;
            case SHOP -> u < 0.55 ? GENERAL_STORE : u < 0.75 ? BARBER : BAR;
            case MILL -> u < 0.7 ? POSHO_MILL : WELDING_WORKSHOP;
        };
    }

    public CustomerCategory category() {
        return category;
    }

    /** How the business is named after its owner, as in "Kariuki Barber Shop"; empty for a household. */
    public String trade() {
        return trade;
    }

    double absentChance() {
        return absentChance;
    }

    List<Fit> fits() {
        return fits;
    }
}
