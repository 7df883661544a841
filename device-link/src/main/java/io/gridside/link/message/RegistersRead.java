package io.gridside.link.message;

import java.time.Instant;
import java.util.List;

/**
 * The meters' registers as the gateway read them over the mesh, its answer to {@link ReadRegisters}.
 *
 * @param at when the gateway read them, by its clock
 * @param unread the meters it could not reach, which a reconciliation cannot bill yet
 */
public record RegistersRead(Instant at, List<Register> registers, List<String> unread) implements Message {

    /**
     * One meter's cumulative energy register.
     *
     * @param at the end of the quarter hour whose register it is, when the meter measured it
     */
    public record Register(String meterId, long registerWh, Instant at) {
    }

    public RegistersRead {
        registers = List.copyOf(registers);
        unread = List.copyOf(unread);
    }
}
