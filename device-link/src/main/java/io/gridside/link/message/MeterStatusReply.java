package io.gridside.link.message;

import io.gridside.site.MeterStatus;
import java.util.List;

/** Every meter's status at the gateway's clock. */
public record MeterStatusReply(List<MeterStatus> meters) implements Message {

    public MeterStatusReply {
        meters = List.copyOf(meters);
    }
}
