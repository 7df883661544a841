package io.gridside.console.service;

import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.PostAdjustments;
import io.gridside.site.EntryKind;
import io.gridside.site.ledger.LedgerLink;
import java.util.ArrayList;
import java.util.List;

/**
 * The corrections a reconciliation found, as a supervisor has the gateway post them, by {@code connect ...
 * reconcile --post-corrections} and by the console's reconciliation screen alike, in requests small enough for the
 * link. The re-rating follows meter exchanges and moves (decision 0028), so no customer's corrections are held back.
 */
public final class CorrectionPosting {

    /**
     * What posting would do.
     *
     * @param requests the corrections to post, in requests for the link
     */
    public record Plan(List<PostAdjustments> requests) {

        /** Nothing to post. */
        public static final Plan NONE = new Plan(List.of());

        public Plan {
            requests = List.copyOf(requests);
        }

        /** How many corrections would be posted. */
        public int count() {
            return requests.stream().mapToInt(r -> r.adjustments().size()).sum();
        }

        /** Their sum in minor units: what the customers are given back (positive) or charged (negative) in all. */
        public long totalMinor() {
            long total = 0;
            for (PostAdjustments request : requests) {
                for (PostAdjustments.Item item : request.adjustments()) {
                    total = Math.addExact(total, item.amountMinor());
                }
            }
            return total;
        }
    }

    private CorrectionPosting() {
    }

    /** What posting {@code result}'s corrections would do. */
    public static Plan plan(LedgerReconciliation.Result result) {
        return result.clean() ? Plan.NONE : new Plan(result.corrections());
    }

    /**
     * Has the gateway post the plan's corrections; the gateway refuses unless the session is a supervisor's.
     *
     * @return every entry the gateway posted: the corrections and the charges it accrued before them
     */
    public static List<LedgerLink> post(GatewayClient client, Plan plan) throws LinkException {
        List<LedgerLink> posted = new ArrayList<>();
        for (PostAdjustments request : plan.requests()) {
            posted.addAll(client.billing().postAdjustments(request));
        }
        return posted;
    }

    /** The corrections among entries posted: a correction changes a balance, so the gateway posts charges first. */
    public static List<LedgerLink> corrections(List<LedgerLink> posted) {
        return posted.stream().filter(link -> link.entry().kind() == EntryKind.ADJUSTMENT).toList();
    }
}
