package io.gridside.sim;

import io.gridside.sim.firmware.FirmwareSite;
import io.gridside.sim.mesh.QuarterHourTraffic;
import io.gridside.sim.rf.MeshNetwork;
import io.gridside.site.firmware.FleetMeter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** What the simulated gateway shows its firmware of itself and its site; see {@link FirmwareSite}. */
final class GatewayFirmwareSite implements FirmwareSite {

    /** The simulated gateway's hardware revision. */
    static final String HARDWARE = "gw-sim-r1";

    private final Path directory;
    private final Supplier<Instant> clock;
    /** The live mesh, whose routes tell whether the gateway's radio is up. */
    private final MeshNetwork mesh;
    /** The readings that crossed the mesh, which tell whether a meter read works. */
    private final GatewayTraffic traffic;

    GatewayFirmwareSite(Path directory, Supplier<Instant> clock, MeshNetwork mesh, GatewayTraffic traffic) {
        this.directory = directory;
        this.clock = clock;
        this.mesh = mesh;
        this.traffic = traffic;
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
        throw new UnsupportedOperationException("the fleet is not built yet");
    }

    @Override
    public boolean meshRadioUp() {
        for (int meter = 0; meter < mesh.plan().meters(); meter++) {
            if (mesh.hops(meter) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a reading reached the gateway's intake in the last window of service it counted. */
    @Override
    public boolean meterReadWorks() {
        List<QuarterHourTraffic> windows = traffic.recentWindows();
        return !windows.isEmpty() && windows.get(windows.size() - 1).arrived() > 0;
    }

    @Override
    public boolean deliveredLastInterval(String meterId) {
        throw new UnsupportedOperationException("campaigns are not built yet");
    }

    @Override
    public boolean supplied(String meterId) {
        throw new UnsupportedOperationException("campaigns are not built yet");
    }

    @Override
    public void meterRuns(String meterId, String version, long securityCounter) {
        throw new UnsupportedOperationException("campaigns are not built yet");
    }
}
