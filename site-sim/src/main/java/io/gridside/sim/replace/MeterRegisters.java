package io.gridside.sim.replace;

import io.gridside.link.message.RegistersRead;
import io.gridside.link.server.GatewayService;
import io.gridside.site.MeterStatus;
import io.gridside.site.Reading;
import io.gridside.site.RelayState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The site's meters as a replacement gateway reaches them over the mesh: each one's energy register, which kept
 * counting while the site had no gateway.
 */
@FunctionalInterface
public interface MeterRegisters {

    /** How far back a meter's last register may lie and still count as read now: a meter silent longer is unread. */
    Duration FRESH = Duration.ofHours(1);

    /**
     * The meter's register at the end of the last quarter hour it reported by {@code at}, or empty when it could not
     * be reached.
     */
    Optional<RegistersRead.Register> read(String meterId, Instant at);

    /**
     * The meters of a simulated site whose gateway died: the site's model keeps running them (their registers,
     * relays and households) as the dead gateway's simulation, and their registers are those of the last quarter
     * hour it read of each. The dead gateway is no longer served to consoles; only its meters are reached here.
     */
    static MeterRegisters of(GatewayService meters) {
        return new MeterRegisters() {

            /**
             * The last reading that ended by {@code at}: the simulation may already hold the quarter hour under way,
             * and a gateway started again on its journal reads at an instant the simulation has long passed, so a
             * reading that ends later is left out, or the register read again would not be the one read then.
             */
            @Override
            public Optional<RegistersRead.Register> read(String meterId, Instant at) {
                List<Reading> recent = meters.readings(at.minus(FRESH), at, meterId).stream()
                        .filter(reading -> !reading.intervalEnd().isAfter(at)).toList();
                if (recent.isEmpty()) {
                    return Optional.empty();
                }
                Reading last = recent.get(recent.size() - 1);
                return Optional.of(new RegistersRead.Register(meterId, last.registerWh(), last.intervalEnd()));
            }

            @Override
            public List<Reading> readings(Instant from, Instant to) {
                return meters.readings(from, to);
            }

            @Override
            public Optional<RelayState> relay(String meterId) {
                return meters.meterStatus().stream().filter(status -> status.meterId().equals(meterId))
                        .map(MeterStatus::relay).findFirst();
            }
        };
    }

    /**
     * The readings the meters sent whose interval starts in [from, to), in time order: what a gateway that bills
     * the site hears over the mesh each quarter hour. None, for meters that only answer a register read.
     */
    default List<Reading> readings(Instant from, Instant to) {
        return List.of();
    }

    /** The relay of the meter as the gateway reads it back over the mesh, or empty when it cannot be reached. */
    default Optional<RelayState> relay(String meterId) {
        return Optional.empty();
    }
}
