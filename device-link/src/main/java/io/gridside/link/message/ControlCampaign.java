package io.gridside.link.message;

import java.util.Objects;

/**
 * Pauses, resumes or aborts a meter campaign; answered by a {@link CampaignReply}. A technician may pause or
 * abort; only a supervisor may resume. Abort leaves meters that confirmed on the new image.
 */
public record ControlCampaign(String campaignId, Action action) implements Message {

    /** What to do with the campaign. */
    public enum Action {
        PAUSE,
        RESUME,
        ABORT
    }

    public ControlCampaign {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(action, "action");
    }
}
