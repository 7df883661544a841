package io.gridside.link.message;

/**
 * Asks where a meter campaign stands; answered by a {@link CampaignReply}.
 *
 * @param campaignId the campaign, or null for the one the gateway runs or last ran
 */
public record GetCampaign(String campaignId) implements Message {
}
