package io.gridside.link.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One batch of a gap-fill stream: for each gap a meter filled, the energy of each of its quarter hours as the meter
 * sent them, which sum to the register's rise over the gap that the gateway billed by estimate.
 *
 * @param total how many filled gaps the whole stream holds
 */
public record GapFillsBatch(List<Fill> fills, long total) implements Message {

    public GapFillsBatch {
        fills = List.copyOf(fills);
    }

    /**
     * One filled gap.
     *
     * @param gapStart the start of the gap's first quarter hour: the end of the meter's reading before it
     * @param actualsWh the energy of each quarter hour of the gap, in time order
     */
    public record Fill(String meterId, Instant gapStart, List<Long> actualsWh) {

        public Fill {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(gapStart, "gapStart");
            actualsWh = List.copyOf(actualsWh);
        }
    }
}
