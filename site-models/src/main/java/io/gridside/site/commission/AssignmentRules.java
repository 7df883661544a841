package io.gridside.site.commission;

import io.gridside.site.CustomerCategory;
import java.time.Instant;
import java.util.List;

/**
 * The rules of giving a meter to a customer, as pure functions over the plan and the meters that joined the mesh:
 * each customer one meter, each meter one customer, a meter of the type the customer's category needs (a MILL runs
 * three-phase motors), and only a meter that has joined the mesh.
 */
public final class AssignmentRules {

    private AssignmentRules() {
    }

    /** How many phases a meter needs for a customer of {@code category}: 3 for a MILL, else 1 or 3 will do. */
    public static int phasesNeeded(CustomerCategory category) {
        return category == CustomerCategory.MILL ? 3 : 1;
    }

    /**
     * The assignment of the meter that {@code scan} names to {@code customerId}: the one held already when the same
     * meter was given to the same customer before (so a step repeated applies nothing twice), else a new one at
     * {@code at}.
     *
     * @param scan     the serial as typed or scanned (Code 128 text or a QR payload)
     * @param existing the assignments made so far
     * @throws CommissionRefusal naming the reason: a bad serial, an unknown customer, a meter not joined, a meter
     *     already given to another customer (named), a customer with another meter (named), a meter of the wrong
     *     type
     */
    public static Assignment assign(String customerId, String scan, List<PlannedCustomer> customers,
            List<JoinedMeter> joined, List<Assignment> existing, Instant at) {
        String serial = MeterSerial.fromScan(scan);
        PlannedCustomer customer = customers.stream().filter(c -> c.customerId().equals(customerId)).findFirst()
                .orElseThrow(() -> new CommissionRefusal(CommissionRefusal.CUSTOMER_UNKNOWN, "customerUnknown",
                        List.of(customerId), "There is no customer "
                        + customerId + " in the site's plan; load the customers first, or add them on site."));
        JoinedMeter meter = joined.stream().filter(m -> m.meterId().equals(serial)).findFirst()
                .orElseThrow(() -> new CommissionRefusal(CommissionRefusal.METER_NOT_JOINED, "meterNotJoined",
                        List.of(serial), "The meter " + serial
                        + " has not joined the mesh: check that it is powered and wait for it to appear among the "
                        + "joined meters, or check the serial on its label."));
        for (Assignment held : existing) {
            boolean sameMeter = held.meterId().equals(serial);
            boolean sameCustomer = held.customerId().equals(customerId);
            if (sameMeter && sameCustomer) {
                return held;
            }
            if (sameMeter) {
                throw new CommissionRefusal(CommissionRefusal.METER_TAKEN, "meterTaken",
                        List.of(serial, held.customerId()), "The meter " + serial + " is given to "
                        + "customer " + held.customerId() + " already; a meter goes to one customer. Take it back "
                        + "from " + held.customerId() + " first if it was given by mistake.");
            }
            if (sameCustomer) {
                throw new CommissionRefusal(CommissionRefusal.CUSTOMER_HAS_METER, "customerHasMeter",
                        List.of(customerId, held.meterId(), serial), "Customer " + customerId
                        + " has the meter " + held.meterId() + " already; a customer has one meter. Take that "
                        + "meter back first to give them " + serial + ".");
            }
        }
        int needed = phasesNeeded(customer.category());
        if (meter.phases() < needed) {
            throw new CommissionRefusal(CommissionRefusal.METER_TYPE, "meterType", List.of(customerId,
                    customer.category().name(), needed, serial, meter.phases(), meter.hardwareId()),
                    "Customer " + customerId + " is a "
                    + customer.category().name() + ", which needs a " + needed + "-phase meter, and " + serial
                    + " is a " + meter.phases() + "-phase meter (" + meter.hardwareId() + "). Install a "
                    + needed + "-phase meter for them.");
        }
        return new Assignment(customerId, serial, at);
    }
}
