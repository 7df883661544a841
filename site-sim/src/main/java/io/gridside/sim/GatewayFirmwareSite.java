package io.gridside.sim;

import io.gridside.sim.firmware.FirmwareSite;
import io.gridside.sim.rf.MeshNetwork;
import io.gridside.sim.scenario.ScenarioRunner;
import io.gridside.site.firmware.FleetMeter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the simulated gateway shows its firmware of itself and its site; see {@link FirmwareSite}. The gateway asks
 * it from its quarter-hour tick, after the mesh moved and the interval's readings crossed it, so "now" is the end of
 * the interval just read.
 */
final class GatewayFirmwareSite implements FirmwareSite {

    /** The simulated gateway's hardware revision. */
    static final String HARDWARE = "gw-sim-r1";
    /** How long before the end of the interval just read a meter's supply is sampled: its last half minute. */
    private static final Duration SUPPLY_SAMPLE = Duration.ofSeconds(30);

    private final Path directory;
    private final Supplier<Instant> clock;
    private final MeterFirmware meters;
    private final MeshNetwork mesh;
    private final ScenarioRunner scenario;
    private final GatewayTraffic traffic;
    private final Places places;
    /** Brings the site up to its clock: reads and bills the quarter hours not yet read. */
    private final Runnable advance;

    /**
     * @param topology the gateway's mesh and what each meter runs
     * @param scenario what cuts meters' supply
     * @param traffic which meters' readings reached the gateway in the last interval
     * @param places which meter is at which index, after exchanges
     */
    GatewayFirmwareSite(Path directory, Supplier<Instant> clock, GatewayTopology topology, ScenarioRunner scenario,
            GatewayTraffic traffic, Places places, Runnable advance) {
        this.directory = directory;
        this.clock = clock;
        this.meters = topology.meters();
        this.mesh = topology.mesh().live();
        this.scenario = scenario;
        this.traffic = traffic;
        this.places = places;
        this.advance = advance;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public Instant clock() {
        return clock.get();
    }

    @Override
    public String gatewayHardware() {
        return HARDWARE;
    }

    @Override
    public List<FleetMeter> fleet() {
        List<FleetMeter> fleet = new ArrayList<>(meters.meters());
        for (int i = 0; i < meters.meters(); i++) {
            fleet.add(new FleetMeter(places.meterIds[i], meters.hardware(i), meters.version(i),
                    meters.securityCounter(i), mesh.hops(i)));
        }
        return fleet;
    }

    @Override
    public void catchUp() {
        advance.run();
    }

    @Override
    public boolean meshRadioUp() {
        for (int i = 0; i < meters.meters(); i++) {
            if (mesh.hops(i) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a reading reached the gateway's intake in the last window of service it counted. */
    @Override
    public boolean meterReadWorks() {
        return traffic.anyDeliveredLastWindow();
    }

    @Override
    public boolean deliveredLastInterval(String meterId) {
        return traffic.deliveredLastWindow(meterId);
    }

    /** A meter the site does not have has no supply. */
    @Override
    public boolean supplied(String meterId) {
        Integer index = places.meterIndex.get(meterId);
        Instant updated = mesh.updatedAt();
        return index != null && (updated == null || scenario.poweredAt(index, updated.minus(SUPPLY_SAMPLE)));
    }

    /** @throws IllegalArgumentException for a meter the site does not have */
    @Override
    public void meterRuns(String meterId, String version, long securityCounter) {
        Integer index = places.meterIndex.get(meterId);
        if (index == null) {
            throw new IllegalArgumentException("The simulated site has no meter " + meterId + ".");
        }
        meters.runs(index, version, securityCounter);
    }
}
