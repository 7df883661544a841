package io.gridside.console.service.commission;

import io.gridside.site.commission.CommissionRefusal;
import java.nio.file.Path;
import java.util.List;

/**
 * The commissioning day's refusals of a step that cannot run yet or any more ({@link CommissionRefusal#NOT_READY}),
 * each with its sentence's name among the console's refusal texts, so that the screen words it in the technician's
 * language while the command line prints the English written here.
 */
public final class NotReadyRefusals {

    private NotReadyRefusals() {
    }

    /** The gateway's firmware has no commissioning. */
    public static CommissionRefusal gatewayCannotCommission(String gatewayId) {
        return refusal("gatewayCannotCommission", List.of(gatewayId), "The gateway " + gatewayId + " cannot be "
                + "commissioned from the console: its firmware lacks commissioning.");
    }

    /** The gateway was commissioned for another site: a replacement is made from the replica, not this way. */
    public static CommissionRefusal gatewayOfAnotherSite(String gatewayId, String servedSiteId, String siteId) {
        return refusal("gatewayOfAnotherSite", List.of(gatewayId, servedSiteId, siteId), "The gateway " + gatewayId
                + " serves site " + servedSiteId + " already, not " + siteId + "; replace a site's gateway from its "
                + "replica, not by commissioning.");
    }

    /** No gateway was connected in this day's work, so its address is not known. */
    public static CommissionRefusal gatewayAddressUnknown() {
        return refusal("gatewayAddressUnknown", List.of(), "The gateway's address is not known: go back to the "
                + "gateway step and connect it again.");
    }

    /** A site was created in this day's work already. */
    public static CommissionRefusal siteCreatedAlready() {
        return refusal("siteCreatedAlready", List.of(), "A site is created already for this commissioning; go back "
                + "to the site step to start over with another store.");
    }

    /** A store of the same site id holds another plan. */
    public static CommissionRefusal storeOfAnotherPlan(String siteId, Path file) {
        return refusal("storeOfAnotherPlan", List.of(siteId, file.toString()), "A store of site " + siteId
                + " exists at " + file + " with another plan; open it to resume, or choose another id.");
    }

    /** The site went live: customers and meters change through the site's moves from then on. */
    public static CommissionRefusal siteLive() {
        return refusal("siteLive", List.of(), "The site bills live since go-live; move a customer or exchange a "
                + "meter from the Customers screen instead.");
    }

    /** A step that needs the site before it was created. */
    public static CommissionRefusal createSiteFirst() {
        return refusal("createSiteFirst", List.of(), "Create the site first.");
    }

    /** A store opened for commissioning that commissioning did not create. */
    public static CommissionRefusal noSitePlan() {
        return refusal("noSitePlan", List.of(), "This store was not created by commissioning: it has no site plan.");
    }

    private static CommissionRefusal refusal(String reason, List<Object> values, String english) {
        return new CommissionRefusal(CommissionRefusal.NOT_READY, reason, values, english);
    }
}
