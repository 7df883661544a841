package io.gridside.sim.firmware;

import io.gridside.link.message.FirmwareState.HealthCheck;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks a trial boot runs before the gateway confirms its new image: its mesh radio is up, and a meter read
 * works. A check that a test or training scenario makes fail reads as the real failure would.
 */
final class HealthChecks {

    static final String MESH_RADIO = "mesh-radio";
    static final String METER_READ = "meter-read";
    static final List<String> ALL = List.of(MESH_RADIO, METER_READ);

    private final FirmwareSite site;
    private final Set<String> failing = new HashSet<>();

    HealthChecks(FirmwareSite site) {
        this.site = site;
    }

    /** Makes check {@code name} fail on every trial boot of this gateway from now on. */
    void fail(String name) {
        if (!ALL.contains(name)) {
            throw new IllegalArgumentException("A trial boot's checks are " + ALL + "; there is no \"" + name
                    + "\".");
        }
        failing.add(name);
    }

    HealthCheck run(String name) {
        boolean passed = !failing.contains(name) && (MESH_RADIO.equals(name) ? site.meshRadioUp()
                : site.meterReadWorks());
        return new HealthCheck(name, passed, detail(name, passed));
    }

    private static String detail(String name, boolean passed) {
        if (MESH_RADIO.equals(name)) {
            return passed ? "meters have a route to the gateway" : "no meter has a route to the gateway";
        }
        return passed ? "meters' readings reached the gateway in the last quarter hour"
                : "no meter's reading reached the gateway in the last quarter hour";
    }
}
