package io.gridside.sim.firmware;

import io.gridside.site.firmware.FleetMeter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A site for a gateway's firmware alone: a directory, a clock set by hand, a fleet and health given by the test. */
final class FakeFirmwareSite implements FirmwareSite {

    private final Path directory;
    Instant now = Instant.parse("2026-12-05T10:00:00Z");
    boolean meshRadioUp = true;
    boolean meterReadWorks = true;
    final List<FleetMeter> fleet = new ArrayList<>(List.of(
            new FleetMeter("M-0001", "mtr-r1", "mtr-2.9.7", 3, 1),
            new FleetMeter("M-0002", "mtr-r2", "mtr-3.1.4", 5, 2),
            new FleetMeter("M-0003", "mtr-r3", "mtr-3.2.0", 6, 1)));

    FakeFirmwareSite(Path directory) {
        this.directory = directory;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public Instant clock() {
        return now;
    }

    @Override
    public String gatewayHardware() {
        return "gw-sim-r1";
    }

    @Override
    public List<FleetMeter> fleet() {
        return List.copyOf(fleet);
    }

    @Override
    public boolean meshRadioUp() {
        return meshRadioUp;
    }

    @Override
    public boolean meterReadWorks() {
        return meterReadWorks;
    }

    @Override
    public boolean deliveredLastInterval(String meterId) {
        return true;
    }

    @Override
    public boolean supplied(String meterId) {
        return true;
    }

    @Override
    public void meterRuns(String meterId, String version, long securityCounter) {
        throw new UnsupportedOperationException("a gateway's own update runs no meter");
    }
}
