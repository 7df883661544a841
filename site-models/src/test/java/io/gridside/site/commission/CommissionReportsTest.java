package io.gridside.site.commission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridside.site.CustomerCategory;
import io.gridside.site.RelayState;
import io.gridside.site.cbor.DeterministicCbor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The day's report: every customer with meter, link check and relay test, spare meters, in deterministic CBOR. */
class CommissionReportsTest {

    static final Instant AT = Instant.parse("2026-12-01T16:00:00Z");
    static final SitePlan PLAN = new SitePlan("ke-kisumu-07", "Kisumu Seven", "Lakeside Power", "KES",
            ZoneId.of("Africa/Nairobi"), List.of(LocalDate.of(2026, 12, 25)), -0.1, 34.76);
    static final String M1 = MeterSerial.of("GS", 1);
    static final String M2 = MeterSerial.of("GS", 2);
    static final String M3 = MeterSerial.of("GS", 3);

    @Test
    void listsEveryCustomerAndSpareMeterWhateverOrderTheRowsCameIn() {
        List<PlannedCustomer> customers = List.of(customer("C002"), customer("C001"));
        List<Assignment> assignments = List.of(new Assignment("C001", M1, AT), new Assignment("C002", M2, AT));
        List<JoinedMeter> joined = List.of(meter(M3), meter(M2), meter(M1));
        List<LinkCheck> links = List.of(new LinkCheck(M1, LinkVerdict.PASS, List.of()),
                new LinkCheck(M2, LinkVerdict.ATTENTION, List.of("ETX 2.50 is above the pass limit of 2.00")));
        List<RelayTest> relays = List.of(new RelayTest(M1, RelayState.OFF, RelayState.ON, AT, ""));
        List<DryRunBill> dryRun = List.of(new DryRunBill("C001", "lifeline", AT, AT.plusSeconds(604_800), 5_000,
                20_000, 10_000, -10_000, 0), new DryRunBill("C002", "lifeline", AT, AT.plusSeconds(604_800), 1_000,
                4_000, 10_000, 6_000, 10));

        CommissionReport report = CommissionReports.build(PLAN, "GW-1", "tech-1", customers, assignments, joined,
                links, relays, dryRun, AT);
        CommissionReport reordered = CommissionReports.build(PLAN, "GW-1", "tech-1", reverse(customers),
                reverse(assignments), reverse(joined), reverse(links), relays, reverse(dryRun), AT);

        assertThat(report.lines()).extracting(CommissionReport.Line::customerId, CommissionReport.Line::meterId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C001", M1),
                        org.assertj.core.groups.Tuple.tuple("C002", M2));
        assertThat(report.lines().get(0).relay().passed()).isTrue();
        assertThat(report.lines().get(1).relay()).isNull();
        assertThat(report.spareMeters()).containsExactly(M3);
        assertThat(report.dryRun()).isEqualTo(new CommissionReport.DryRunTotals(2, 6_000, 24_000, 1));
        assertThat(reordered.encode()).isEqualTo(report.encode());
    }

    @Test
    void encodesAsDeterministicCborWithNoFloatingPoint() {
        CommissionReport report = CommissionReports.build(PLAN, null, "tech-1", List.of(customer("C001")),
                List.of(), List.of(meter(M1)), List.of(), List.of(), List.of(), AT);

        Map<?, ?> decoded = (Map<?, ?>) DeterministicCbor.decode(report.encode());

        assertThat(decoded.get("type")).isEqualTo(CommissionReport.TYPE);
        assertThat(decoded.get("gateway")).isEqualTo("");
        assertThat(decoded.get("createdAt")).isEqualTo("2026-12-01T16:00:00Z");
        Map<?, ?> clocks = (Map<?, ?>) decoded.get("clocks");
        assertThat(clocks.get("createdAt")).isEqualTo("laptop");
        assertThat(clocks.get("relayTestedAt")).isEqualTo("gateway");
        assertThat(decoded.containsKey("dryRun")).isFalse();
        assertThat((List<?>) decoded.get("customers")).singleElement()
                .satisfies(line -> {
                    Map<?, ?> fields = (Map<?, ?>) line;
                    assertThat(fields.get("openingMinor")).isEqualTo(10_000L);
                    assertThat(fields.get("meter")).isEqualTo("");
                    assertThat(fields.containsKey("link")).isFalse();
                });
    }

    static <T> List<T> reverse(List<T> list) {
        List<T> reversed = new ArrayList<>(list);
        Collections.reverse(reversed);
        return reversed;
    }

    static PlannedCustomer customer(String id) {
        return new PlannedCustomer(id, "Customer " + id, "", "", CustomerCategory.HOUSEHOLD, "lifeline", 10_000,
                null);
    }

    static JoinedMeter meter(String serial) {
        return new JoinedMeter(serial, "mtr-r2", 1, "1.4.0", -0.1, 34.76, -80, -80, 1.2, 2, 1, AT);
    }
}
