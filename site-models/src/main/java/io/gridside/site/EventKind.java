package io.gridside.site;

/**
 * What happened at a site, as a gateway's or a meter's event log records it. The names are the wire's and the
 * JSON's, so renaming one changes both.
 */
public enum EventKind {
    /** A meter lost its supply; details say whether its last-gasp message went out. */
    POWER_LOSS,
    /** A meter's supply came back. */
    POWER_RESTORE,
    /** A meter has power but its messages no longer reach the gateway. */
    COMMS_LOSS,
    /** A meter's messages reach the gateway again. */
    COMMS_RETURN,
    /** A meter now routes through another parent; details name the former and the new one. */
    PARENT_CHANGE,
    /** The gateway's cellular link to the operator's cloud went down. */
    BACKHAUL_DOWN,
    /** The gateway's cellular link came back. */
    BACKHAUL_UP,
    /** The gateway restarted; details give how long it was down. */
    GATEWAY_REBOOT,
    /** A meter's relay opened; details give the reason, {@code billing} or {@code maintenance}. */
    RELAY_OFF,
    /** A meter's relay closed; details give the reason, {@code billing} or {@code maintenance}. */
    RELAY_ON,
    /** A meter's cover or terminal was opened, or its magnetic sensor tripped. */
    TAMPER,
    /** A clock was set: a meter's by the gateway, or the gateway's by a technician. */
    CLOCK_CORRECTION,
    /** A meter's clock was found off the gateway's by more than the gateway tolerates. */
    CLOCK_DRIFT,
    /** A meter began or stopped sending messages in a loop; details say which. */
    MESH_FLOOD,
    /** The site's battery bank fell to a low state of charge. */
    BATTERY_LOW,
    /** The battery bank is back above its low mark. */
    BATTERY_RECOVERED,
    /** The site's inverter tripped on overload and cut the supply to every meter. */
    INVERTER_TRIP,
    /** The inverter was reset and supplies the site again. */
    INVERTER_RESET,
    /** The site's generator failed to start or stopped. */
    GENERATOR_FAILURE,
    /** The generator runs again. */
    GENERATOR_RESTORED,
    /** The operator began cutting feeders on purpose to save the plant. */
    LOAD_SHEDDING_START,
    /** Planned load shedding ended and every feeder is supplied again. */
    LOAD_SHEDDING_END,
    /** The RF noise floor rose around some meters. */
    INTERFERENCE_START,
    /** The RF noise floor is back to normal. */
    INTERFERENCE_END,
    /** A relay command's attempts all went unanswered; the gateway tries a new round later. */
    RELAY_COMMAND_FAILED,
    /** A technician replaced a meter: the old meter's final register and the new one's opening register. */
    METER_EXCHANGED,
    /**
     * A meter's load limiter opened its relay because the customer drew more than the power limit; details give
     * the demand and the limit in watts, the trip's number in the hour, and when it recloses. Not billing's relay.
     */
    POWER_LIMIT_TRIPPED,
    /** A meter's load limiter closed its relay again by itself, after its delay or at the end of a lockout. */
    POWER_LIMIT_RECLOSED,
    /** A customer moved out: the account was closed with a final statement, and the meter freed. */
    CUSTOMER_MOVED_OUT,
    /** A new customer moved in on a meter a move-out had freed. */
    CUSTOMER_MOVED_IN
}
