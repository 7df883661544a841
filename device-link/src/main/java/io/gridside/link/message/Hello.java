package io.gridside.link.message;

import java.util.List;

/**
 * The console's opening message: which protocol versions it speaks and who the technician is.
 *
 * @param credential the technician's credential token, checked by the gateway before it answers anything
 */
public record Hello(List<Integer> protocolVersions, String console, String technicianId, String credential)
        implements Message {

    public Hello {
        protocolVersions = List.copyOf(protocolVersions);
    }
}
