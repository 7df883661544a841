package io.gridside.console.service;

import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.PostAdjustments;
import io.gridside.site.EntryKind;
import io.gridside.site.EventKind;
import io.gridside.site.ledger.LedgerLink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The corrections a reconciliation found, as a supervisor has the gateway post them, by {@code connect ...
 * reconcile --post-corrections} and by the console's reconciliation screen alike: the customers whose meter was
 * exchanged or who moved in or out are held back, and the rest posted in requests small enough for the link.
 */
public final class CorrectionPosting {

    /** The events that change which meter bills a customer, or whether the customer is billed at all. */
    private static final Set<EventKind> SITE_CHANGES = Set.of(EventKind.METER_EXCHANGED,
            EventKind.CUSTOMER_MOVED_OUT, EventKind.CUSTOMER_MOVED_IN);

    /**
     * What posting would do.
     *
     * @param heldBack the customers among the differences whose corrections are not posted, in id order
     * @param requests the corrections to post, in requests for the link
     */
    public record Plan(Set<String> heldBack, List<PostAdjustments> requests) {

        /** Nothing to post. */
        public static final Plan NONE = new Plan(Set.of(), List.of());

        public Plan {
            heldBack = Collections.unmodifiableSortedSet(new TreeSet<>(heldBack));
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

    /** What posting {@code result}'s corrections would do; asks the gateway's event log which to hold back. */
    public static Plan plan(GatewayClient client, LedgerReconciliation.Result result, CancelSignal cancel)
            throws LinkException {
        if (result.clean()) {
            return Plan.NONE;
        }
        Set<String> heldBack = changedAmong(client, result, cancel);
        return new Plan(heldBack, result.corrections(customerId -> !heldBack.contains(customerId)));
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

    /**
     * The customers among the differences whose meter was exchanged or who moved in or out, by the gateway's event
     * log. Shortcoming: the re-rating follows one meter per customer from the opening, so across such a change it
     * finds differences that are no errors; until it follows the change, their corrections are held back. The whole
     * log is read, which a site of years would make slow.
     */
    private static Set<String> changedAmong(GatewayClient client, LedgerReconciliation.Result result,
            CancelSignal cancel) throws LinkException {
        Set<String> differing = new TreeSet<>();
        result.differences().forEach(d -> differing.add(d.customerDay().customerId()));
        Set<String> changed = new TreeSet<>();
        Instant to = client.lastGatewayClock().plusSeconds(1);
        client.events(Instant.EPOCH, to, (batch, received, total) -> batch.stream()
                .filter(event -> SITE_CHANGES.contains(event.kind()))
                .map(event -> event.details().get("customerId"))
                .filter(differing::contains)
                .forEach(changed::add), cancel);
        return changed;
    }
}
