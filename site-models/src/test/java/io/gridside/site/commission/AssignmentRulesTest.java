package io.gridside.site.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridside.site.CustomerCategory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each customer one meter, each meter one customer, of the right type and among those that joined. */
class AssignmentRulesTest {

    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");
    static final String SINGLE = MeterSerial.of("GS", 1);
    static final String THREE = MeterSerial.of("GS", 2);
    static final String OTHER = MeterSerial.of("GS", 3);
    static final String ABSENT = MeterSerial.of("GS", 4);

    static final List<PlannedCustomer> CUSTOMERS = List.of(
            customer("C001", CustomerCategory.HOUSEHOLD), customer("C002", CustomerCategory.MILL),
            customer("C003", CustomerCategory.SHOP));
    static final List<JoinedMeter> JOINED = List.of(meter(SINGLE, 1), meter(THREE, 3), meter(OTHER, 1));

    @Test
    void givesAJoinedMeterOfTheRightTypeAndRepeatsTheSameAnswer() {
        Assignment first = AssignmentRules.assign("C002", THREE, CUSTOMERS, JOINED, List.of(), AT);

        assertThat(first).isEqualTo(new Assignment("C002", THREE, AT));
        assertThat(AssignmentRules.assign("C002", "serial=" + THREE, CUSTOMERS, JOINED, List.of(first),
                AT.plusSeconds(60))).isSameAs(first);
    }

    @Test
    void refusesTheSameMeterOnTwoCustomersNamingTheOther() {
        List<Assignment> held = List.of(new Assignment("C001", SINGLE, AT));

        assertRefused(() -> AssignmentRules.assign("C003", SINGLE, CUSTOMERS, JOINED, held, AT),
                CommissionRefusal.METER_TAKEN, "customer C001");
    }

    @Test
    void refusesASecondMeterForACustomerNamingTheFirst() {
        List<Assignment> held = List.of(new Assignment("C001", SINGLE, AT));

        assertRefused(() -> AssignmentRules.assign("C001", OTHER, CUSTOMERS, JOINED, held, AT),
                CommissionRefusal.CUSTOMER_HAS_METER, SINGLE);
    }

    @Test
    void refusesASinglePhaseMeterForAMillWithTheReason() {
        assertRefused(() -> AssignmentRules.assign("C002", SINGLE, CUSTOMERS, JOINED, List.of(), AT),
                CommissionRefusal.METER_TYPE, "MILL, which needs a 3-phase meter");
        assertThat(AssignmentRules.assign("C001", THREE, CUSTOMERS, JOINED, List.of(), AT).meterId())
                .isEqualTo(THREE);
    }

    @Test
    void refusesAMeterNotJoinedAnUnknownCustomerAndAMistypedSerial() {
        assertRefused(() -> AssignmentRules.assign("C001", ABSENT, CUSTOMERS, JOINED, List.of(), AT),
                CommissionRefusal.METER_NOT_JOINED, ABSENT);
        assertRefused(() -> AssignmentRules.assign("C999", SINGLE, CUSTOMERS, JOINED, List.of(), AT),
                CommissionRefusal.CUSTOMER_UNKNOWN, "C999");
        String mistyped = SINGLE.substring(0, 5) + (char) ('0' + (SINGLE.charAt(5) - '0' + 1) % 10)
                + SINGLE.substring(6);
        assertRefused(() -> AssignmentRules.assign("C001", mistyped, CUSTOMERS, JOINED, List.of(), AT),
                CommissionRefusal.SERIAL_CHECK_DIGIT, mistyped);
    }

    private static void assertRefused(Runnable assignment, String code, String named) {
        assertThatThrownBy(assignment::run).isInstanceOfSatisfying(CommissionRefusal.class,
                e -> assertThat(e.code()).isEqualTo(code)).hasMessageContaining(named);
    }

    static PlannedCustomer customer(String id, CustomerCategory category) {
        return new PlannedCustomer(id, "Customer " + id, "", "", category, "lifeline", 10_000, null);
    }

    static JoinedMeter meter(String serial, int phases) {
        return new JoinedMeter(serial, phases == 3 ? "mtr-3p" : "mtr-r2", phases, "1.4.0", -0.1, 34.75, -80, -82,
                1.2, 3, 1, AT);
    }
}
