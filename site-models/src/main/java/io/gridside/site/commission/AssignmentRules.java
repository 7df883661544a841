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
        throw new UnsupportedOperationException("not yet");
    }
}
