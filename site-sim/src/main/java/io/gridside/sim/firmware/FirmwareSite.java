package io.gridside.sim.firmware;

import io.gridside.link.firmware.FirmwareKeys;
import io.gridside.site.firmware.FleetMeter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What the simulated gateway's firmware sees of the gateway and its site. */
public interface FirmwareSite {

    /** The directory on the gateway's flash where firmware state lives; it outlives a restart of the gateway. */
    Path directory();

    /** The gateway's clock. */
    Instant clock();

    /** The keys the gateway trusts to sign firmware: the demo firmware key on the simulated site. */
    default FirmwareKeys firmwareKeys() {
        return SampleFirmware.trusted();
    }

    /** The gateway's hardware revision, which a gateway image must name. */
    String gatewayHardware();

    /** Every meter as a campaign sees it now, in meter order. */
    List<FleetMeter> fleet();

    /**
     * Brings the site up to its clock before a step that looks at what just happened, such as a trial boot's health
     * checks. Never called from the gateway's own tick.
     */
    default void catchUp() {
        // A site that is always up to its clock has nothing to do.
    }

    /** Whether the gateway's mesh radio is up: at least one meter has a route to it. */
    boolean meshRadioUp();

    /** Whether a meter read works: a reading reached the gateway in the last interval. */
    boolean meterReadWorks();

    /** Whether meter {@code meterId}'s reading of the last interval reached the gateway. */
    boolean deliveredLastInterval(String meterId);

    /** Whether meter {@code meterId} has supply now. */
    boolean supplied(String meterId);

    /** Records that meter {@code meterId} runs {@code version} from now on. */
    void meterRuns(String meterId, String version, long securityCounter);
}
