package io.gridside.console.commission;

import io.gridside.console.service.commission.StepState;
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
 * @param remedies  what to do about the meters whose links fell short, a sentence each, the largest group first
 * @param relays    each meter's relay test
 * @param bills     each customer's dry-run bill of the first week
 * @param report    the commissioning report's summary, empty before it is kept
 */
public record CommissionOverview(List<StepState> steps, String waiting, String site, String gateway,
        List<Joined> joined, List<Customer> customers, List<Link> links, List<String> remedies, List<Relay> relays,
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

    /** A meter's link check: whether it passes, why not, and what to do about it. */
    public record Link(String serial, boolean passes, String reason, String suggestion) {
    }

    /** A meter's relay test: whether it switched off and on as told and read back so. */
    public record Relay(String serial, boolean passes, String detail) {
    }

    /** A customer's dry-run bill of the first week. */
    public record Bill(String customer, String tariff, String energy, String charge, String balanceAfter) {
    }
}
