package io.gridside.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridside.sim.SimBilling;
import io.gridside.sim.SimClock;
import io.gridside.sim.SimulatedSite;
import io.gridside.sim.SiteSpec;
import io.gridside.site.EventKind;
import io.gridside.site.SiteEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a simulated site whose lifeline households trip their limiters, {@code bill}'s {@code TRIPS} count for each
 * customer is the number of trips the gateway logged for the customer's meter in the report's days.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BillTripsOnSimulatedSiteTest {

    private static final Instant NOW = Instant.parse("2026-06-03T21:07:00Z");
    /** Low enough that the evening's television and lights with a fridge pass it. */
    private static final int LIMIT_WATTS = 150;

    @TempDir
    Path home;

    @Test
    void eachCustomersTripsAreTheTripsTheGatewayLoggedForTheirMeterInThePeriod() throws IOException {
        try (CommandSite fixture = CommandSite.start(home, NOW, () -> SimulatedSite.start(new SiteSpec(40, 8, 3, NOW)
                .withBilling(SimBilling.realisticLimitedTo(LIMIT_WATTS)), SimClock.manual(NOW)))) {
            Path database = home.resolve("site.db");
            CommandRun pull = fixture.connect(fixture.supervisor(), "audit", "--site", database.toString());
            assertThat(pull.exitCode()).as(pull.err()).isZero();

            CommandRun bill = CommandRun.of("bill", "--site", database.toString(), "--json");

            assertThat(bill.exitCode()).as(bill.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(bill.out());
            Map<String, Integer> logged = tripsByMeter(fixture.site().gateway().events(Instant.EPOCH, NOW),
                    ZoneId.of(report.get("timeZone").asText()), LocalDate.parse(report.get("from").asText()),
                    LocalDate.parse(report.get("to").asText()));
            int total = 0;
            for (JsonNode customer : report.get("customers")) {
                int expected = 0;
                for (JsonNode meter : customer.get("meterIds")) {
                    expected += logged.getOrDefault(meter.asText(), 0);
                }
                assertThat(customer.get("limiterTrips").asInt()).as(customer.get("customerId").asText())
                        .isEqualTo(expected);
                total += expected;
            }
            assertThat(total).as("trips in the report's days").isPositive();
            assertThat(report.get("totals").get("limiterTrips").asInt()).isEqualTo(total);
        }
    }

    private static Map<String, Integer> tripsByMeter(List<SiteEvent> events, ZoneId zone, LocalDate first,
            LocalDate last) {
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Integer> trips = new HashMap<>();
        for (SiteEvent event : events) {
            boolean inPeriod = !event.at().isBefore(from) && event.at().isBefore(to);
            if (event.kind() == EventKind.POWER_LIMIT_TRIPPED && inPeriod) {
                trips.merge(event.source(), 1, Integer::sum);
            }
        }
        return trips;
    }
}
