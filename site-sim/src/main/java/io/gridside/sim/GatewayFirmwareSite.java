package io.gridside.sim;

import io.gridside.sim.firmware.FirmwareSite;
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

    GatewayFirmwareSite(Path directory, Supplier<Instant> clock) {
        this.directory = directory;
        this.clock = clock;
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
        throw new UnsupportedOperationException("health checks are not built yet");
    }

    @Override
    public boolean meterReadWorks() {
        throw new UnsupportedOperationException("health checks are not built yet");
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
