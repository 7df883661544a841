package io.gridside.console.commission;

import io.gridside.console.service.commission.StepState;
import io.gridside.site.commission.LinkSuggestion;
import io.gridside.site.commission.LinkVerdict;
import java.util.List;
import java.util.Objects;

/**
 * Everything the Commissioning screen shows at one moment, read in the background and handed over whole.
 *
 * @param steps     every step with where it stands
 * @param waiting   what the current step needs from the technician, empty when nothing
 * @param site      the site as created ("Kisiwa Island, Africa/Nairobi, KES"), empty before
 * @param gateway   the gateway reached and its pinned key's fingerprint, empty before
 * @param joined    the meters that joined the mesh, with the customer each is assigned to
 * @param customers the planned customers with their meter, tariff and opening balance
 * @param links     each meter's link check
 * @param remedies  what to do about the meters whose links fell short, the largest group first
 * @param relays    each meter's relay test
 * @param bills     each customer's dry-run bill of the first week
 * @param report    the commissioning report's summary, empty before it is kept
 */
public record CommissionOverview(List<StepState> steps, String waiting, String site, String gateway,
        List<Joined> joined, List<Customer> customers, List<Link> links, List<Remedy> remedies, List<Relay> relays,
        List<Bill> bills, String report) {

    public CommissionOverview {
        steps = List.copyOf(steps);
        Objects.requireNonNull(waiting, "waiting");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(gateway, "gateway");
        joined = List.copyOf(joined);
        customers = List.copyOf(customers);
        links = List.copyOf(links);
        remedies = List.copyOf(remedies);
        relays = List.copyOf(relays);
        bills = List.copyOf(bills);
        Objects.requireNonNull(report, "report");
    }

    /** A meter on the mesh: its serial, type, where it is, how well it hears and is heard, and its customer. */
    public record Joined(String serial, String type, String position, String signal, String customer) {
    }

    /** A customer as planned: who, on which tariff, with which meter and which opening balance. */
    public record Customer(String id, String name, String tariff, String meter, String openingBalance) {
    }

    /**
     * A meter's link check: its verdict, why, what to do about it, and where the meter stands, so that the mesh view
     * can mark it.
     *
     * @param reason    why, in whole sentences, as the view says it under the mesh
     * @param suggestion what to do, in whole sentences
     * @param brief     why, measure by measure in a few words, as the table shows it
     * @param action    what to do in a few words, as the table shows it
     * @param latitude  the meter's position in degrees, as it reported on joining; NaN when unknown
     * @param longitude the meter's position in degrees; NaN when unknown
     */
    public record Link(String serial, LinkVerdict verdict, String reason, String suggestion, String brief,
            String action, double latitude, double longitude) {

        public Link {
            Objects.requireNonNull(verdict, "verdict");
        }

        /** Whether the meter's links pass, with nothing to do about them. */
        public boolean passes() {
            return verdict == LinkVerdict.PASS;
        }
    }

    /**
     * What to do about some meters whose links fell short.
     *
     * @param kind      move a meter's antenna, or add a repeater near a cluster of weak meters
     * @param meters    the meters it would help
     * @param latitude  where to do it: the meter, or the middle of the cluster, in degrees
     * @param longitude where to do it, in degrees
     * @param text      the suggestion as a sentence for the technician
     */
    public record Remedy(LinkSuggestion.Kind kind, List<String> meters, double latitude, double longitude,
            String text) {

        public Remedy {
            Objects.requireNonNull(kind, "kind");
            meters = List.copyOf(meters);
            Objects.requireNonNull(text, "text");
        }
    }

    /** A meter's relay test: whether it switched off and on as told and read back so. */
    public record Relay(String serial, boolean passes, String detail) {
    }

    /** A customer's dry-run bill of the first week. */
    public record Bill(String customer, String tariff, String energy, String charge, String balanceAfter) {
    }
}
