package io.gridside.site.outage;

import java.util.Locale;

/**
 * Why meters went dark. A cause that cuts customers' supply counts in the reliability indices; one that only cuts
 * the site's messages (the backhaul, the mesh, the radio, the gateway) does not, since the customers had power.
 */
public enum OutageCause {
    /** The grid or a feeder lost its supply: last-gasp messages from a group of meters, readings stop, restores. */
    POWER("power outage"),
    /** The gateway lost its cellular uplink while its meters kept reporting. */
    BACKHAUL("backhaul outage"),
    /** A repeater meter went silent and the meters routing through it lost comms with their power on. */
    MESH_PARTITION("mesh partition"),
    /** Link quality fell across a cluster of meters while their power held. */
    RF_INTERFERENCE("RF interference"),
    /** The gateway rebooted or its watchdog fired, and heard nothing while it was down. */
    GATEWAY_FAULT("gateway fault"),
    /** The mini-grid's battery bank fell to a low state of charge. */
    BATTERY("battery low"),
    /** The mini-grid's inverter tripped on overload and cut every meter. */
    INVERTER("inverter trip"),
    /** The mini-grid's generator failed or stopped. */
    GENERATOR("generator failure"),
    /** The operator cut feeders on purpose to save the plant. */
    LOAD_SHEDDING("planned load shedding"),
    /** One meter lost power or comms alone, with nothing else to explain it. */
    SINGLE_METER("single-meter fault"),
    /** The evidence fits more than one cause; the outage lists the competing explanations. */
    AMBIGUOUS("ambiguous");

    private final String label;

    OutageCause(String label) {
        this.label = label;
    }

    /** What a technician reads, such as {@code power outage}. */
    public String label() {
        return label;
    }

    /** The name JSON and CSV carry, such as {@code mesh-partition}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the mini-grid's own supply is the cause: its battery, inverter, generator or load shedding. */
    public boolean plant() {
        return this == BATTERY || this == INVERTER || this == GENERATOR || this == LOAD_SHEDDING;
    }

    /**
     * The cause a simulated scenario's step stands for, by the step's kind as its file names it (see the
     * simulator's scenarios), so that a diagnosis can be scored against the scenario's ground truth; null for a
     * step that is no outage (a tamper, a drifting clock, a flooding meter, maintenance).
     */
    public static OutageCause ofScenarioStep(String stepKind) {
        return switch (stepKind) {
            case "grid-power-loss", "feeder-power-loss" -> POWER;
            case "backhaul-loss" -> BACKHAUL;
            case "gateway-reboot" -> GATEWAY_FAULT;
            case "repeater-failure" -> MESH_PARTITION;
            case "interference" -> RF_INTERFERENCE;
            case "battery-low" -> BATTERY;
            case "inverter-trip" -> INVERTER;
            case "generator-failure" -> GENERATOR;
            case "load-shedding" -> LOAD_SHEDDING;
            default -> null;
        };
    }
}
