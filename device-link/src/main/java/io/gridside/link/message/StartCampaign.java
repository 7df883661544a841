package io.gridside.link.message;

import io.gridside.site.cbor.ByteString;
import io.gridside.site.firmware.CampaignPolicy;
import java.util.Objects;

/**
 * Starts a meter campaign of a meter image the gateway holds whole, by {@code policy}; the gateway plans it
 * ({@link io.gridside.site.firmware.CampaignPlan#of}) and runs it on its own from then on. Only a supervisor may
 * ask. Asking again with the same id answers the campaign as it stands and starts nothing more.
 *
 * @param campaignId the id the console gives it, unique per site
 */
public record StartCampaign(String campaignId, ByteString imageSha256, CampaignPolicy policy) implements Message {

    public StartCampaign {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(imageSha256, "imageSha256");
        Objects.requireNonNull(policy, "policy");
        if (campaignId.isBlank() || campaignId.length() > 64) {
            throw new IllegalArgumentException("a campaign id is 1 to 64 characters");
        }
    }
}
