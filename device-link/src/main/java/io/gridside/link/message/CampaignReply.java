package io.gridside.link.message;

import io.gridside.site.firmware.CampaignState;
import java.util.Objects;

/** Where a meter campaign stands, as the gateway that runs it tells it. */
public record CampaignReply(CampaignState campaign) implements Message {

    public CampaignReply {
        Objects.requireNonNull(campaign, "campaign");
    }
}
