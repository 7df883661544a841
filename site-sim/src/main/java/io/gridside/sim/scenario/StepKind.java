package io.gridside.sim.scenario;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What a scenario step makes happen, with the name a scenario file spells it by and the fields it needs. */
public enum StepKind {
    /** The whole site's supply fails: every meter loses power. */
    GRID_POWER_LOSS("grid-power-loss", Target.SITE, true, Set.of()),
    /** One feeder's supply fails: its meters lose power. */
    FEEDER_POWER_LOSS("feeder-power-loss", Target.FEEDER, true, Set.of("feeder")),
    /** The gateway's cellular backhaul goes down. */
    BACKHAUL_LOSS("backhaul-loss", Target.SITE, true, Set.of()),
    /** The gateway restarts and hears nothing while it is down. */
    GATEWAY_REBOOT("gateway-reboot", Target.SITE, false, Set.of()),
    /** A meter's radio fails, and every meter that routes through it loses its route. */
    REPEATER_FAILURE("repeater-failure", Target.METER, true, Set.of("meter")),
    /** The RF noise floor rises around some meters. */
    INTERFERENCE("interference", Target.METERS, true, Set.of("riseDb")),
    /** A meter reports a tamper. */
    TAMPER("tamper", Target.METER, false, Set.of("meter")),
    /** A meter's clock runs fast or slow; the gateway corrects it whenever it is off by a minute. */
    CLOCK_DRIFT("clock-drift", Target.METER, false, Set.of("meter", "driftSecondsPerDay")),
    /** A faulty meter sends events in a loop. */
    MESH_FLOOD("mesh-flood", Target.METER, true, Set.of("meter", "eventsPerInterval")),
    /** The battery bank falls to a low state of charge. */
    BATTERY_LOW("battery-low", Target.SITE, true, Set.of()),
    /** The inverter trips on overload, cutting every meter's supply until it is reset. */
    INVERTER_TRIP("inverter-trip", Target.SITE, true, Set.of()),
    /** The generator fails. */
    GENERATOR_FAILURE("generator-failure", Target.SITE, true, Set.of()),
    /** The operator cuts some feeders on purpose. */
    LOAD_SHEDDING("load-shedding", Target.FEEDERS, true, Set.of("feeders")),
    /** A technician holds a meter's relay open for maintenance. */
    MAINTENANCE("maintenance", Target.METER, true, Set.of("meter"));

    /** What a step of the kind acts on, which decides when two steps of one kind contradict each other. */
    enum Target { SITE, FEEDER, FEEDERS, METER, METERS }

    private final String fileName;
    private final Target target;
    private final boolean needsDuration;
    private final Set<String> required;

    StepKind(String fileName, Target target, boolean needsDuration, Set<String> required) {
        this.fileName = fileName;
        this.target = target;
        this.needsDuration = needsDuration;
        this.required = required;
    }

    /** The name a scenario file gives the kind, such as {@code feeder-power-loss}. */
    public String fileName() {
        return fileName;
    }

    Target target() {
        return target;
    }

    boolean needsDuration() {
        return needsDuration;
    }

    /** The fields besides {@code at}, {@code kind} and {@code duration} a step of the kind must have. */
    Set<String> required() {
        return required;
    }

    /** The kind a scenario file names, or null when there is none by that name. */
    static StepKind byFileName(String name) {
        return Arrays.stream(values()).filter(kind -> kind.fileName.equals(name)).findFirst().orElse(null);
    }

    /** Every kind's file name, for an error that lists them. */
    static String fileNames() {
        return Arrays.stream(values()).map(StepKind::fileName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return fileName;
    }
}
