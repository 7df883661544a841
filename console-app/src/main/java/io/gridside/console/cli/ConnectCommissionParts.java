package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.console.service.Progress;
import io.gridside.console.service.commission.StepState;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CommissioningState;
import io.gridside.site.commission.Assignment;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.MeterSerial;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.commission.RelayTest;
import io.gridside.site.store.CommissionRecords;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code connect ... commission} subcommands that work meter by meter: the joined meters, a meter given to a
 * customer of the plan, a relay test, and where the day stands. Each records what it learns in the site database,
 * as the Commissioning screen does.
 */
final class ConnectCommissionParts {

    private ConnectCommissionParts() {
    }

    /** {@code joined}: the meters that joined the gateway's mesh, kept in the site database. */
    @Command(name = "joined", mixinStandardHelpOptions = true,
            description = {"Lists the meters that joined the gateway's mesh, with their position and signal, and "
                    + "keeps them in the site database, where the offline commands (assign, check-links) find them."})
    static final class Joined extends ConnectCommissionCommand.Subcommand {

        // KNOWN SHORTCOMING: --since still takes a UTC instant, while the list prints join times in the site's
        // time; a technician converts by hand.
        @Option(names = "--since", paramLabel = "INSTANT",
                description = "Only meters that joined at or after this UTC time, such as 2026-07-01T06:00:00Z.")
        String since;

        @Override
        public Integer call() throws Exception {
            Instant from = since();
            return run((day, out) -> {
                ConnectCommissionCommand.through(day, CommissionStep.GATEWAY, "Listing the joined meters");
                day.pullJoined(CancelSignal.NEVER);
                List<JoinedMeter> joined = day.records().joined().stream()
                        .filter(meter -> from == null || !meter.joinedAt().isBefore(from)).toList();
                if (json) {
                    out.println(Json.write(joined));
                    return ExitCode.OK;
                }
                out.printf("%d meter(s) joined.%n", joined.size());
                for (JoinedMeter meter : joined) {
                    out.printf("%s  %s  %d-phase  %.5f,%.5f  up %.0f dBm  down %.0f dBm  ETX %.2f  routes %d  hops "
                            + "%d  joined %s%n", meter.meterId(), meter.hardwareId(), meter.phases(),
                            meter.latitude(), meter.longitude(), meter.upRssiDbm(), meter.downRssiDbm(), meter.etx(),
                            meter.routes(), meter.hops(), Formats.siteTime(meter.joinedAt(), day.plan().zone()));
                }
                return ExitCode.OK;
            });
        }

        private Instant since() {
            try {
                return since == null ? null : Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new UsageException("--since takes a UTC time such as 2026-07-01T06:00:00Z, not " + since + ".",
                        e);
            }
        }
    }

    /** {@code assign}: a meter given to a customer of the plan, by the plan's and the scanner's rules. */
    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = {"Gives a meter that joined the mesh to a customer of the site's plan, by the serial on its "
                    + "label: typed, or read by a barcode scanner (Code 128, or a QR code holding serial=...). The "
                    + "check digit is checked; the name, tariff and opening balance are the plan's. The gateway "
                    + "bills the customer from go-live.",
                "A customer not in the plan, a meter already given, a customer who has a meter, or a meter of the "
                    + "wrong type is refused with the reason; the same meter for the same customer again changes "
                    + "nothing."},
            footer = {"", "Exit codes: 0 assigned; 1 refused, with the reason; 2 a usage error; 3 the gateway could "
                    + "not be reached."})
    static final class Assign extends ConnectCommissionCommand.Subcommand {

        @Option(names = "--meter", required = true, paramLabel = "SCAN",
                description = "The meter's serial as typed or scanned.")
        String scan;

        @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer's id.")
        String customerId;

        @Override
        public Integer call() throws Exception {
            return run((day, out) -> {
                ConnectCommissionCommand.through(day, CommissionStep.GATEWAY, "Assigning a meter");
                day.pullJoined(CancelSignal.NEVER);
                CommissionRecords rows = day.records();
                List<Assignment> before = rows.assignments();
                Assignment made = day.assign(scan, customerId);
                PlannedCustomer customer = rows.customers().stream()
                        .filter(planned -> planned.customerId().equals(made.customerId())).findFirst().orElseThrow();
                if (rows.assignments().size() == rows.customers().size()) {
                    // The last customer given a meter: the assign step is recorded as the screen records it.
                    day.proceedThrough(CommissionStep.ASSIGN, Progress.NONE, CancelSignal.NEVER);
                }
                String currency = day.plan().currency();
                ConnectCommissionJson.Assigned assigned = new ConnectCommissionJson.Assigned(made.meterId(),
                        customer.customerId(), customer.name(), customer.category(), customer.tariffId(),
                        customer.openingBalanceMinor(), currency, before.contains(made));
                print(assigned, rows, out);
                return ExitCode.OK;
            });
        }

        private void print(ConnectCommissionJson.Assigned assigned, CommissionRecords rows, PrintWriter out) {
            if (json) {
                out.println(Json.write(assigned));
                return;
            }
            out.printf("Meter %s %s customer %s (%s) on tariff %s, opening balance %s; billed from go-live.%n",
                    assigned.meterSerial(), assigned.repeated() ? "was given already to" : "is given to",
                    assigned.customerId(), assigned.name(), assigned.tariffId(),
                    Formats.money(assigned.openingBalanceMinor(), assigned.currency()));
            out.printf("%d of %d customers have a meter.%n", rows.assignments().size(), rows.customers().size());
        }
    }

    /** {@code relay-test}: one meter's relay off and on, read back each time, and the result kept. */
    @Command(name = "relay-test", mixinStandardHelpOptions = true,
            description = {"Tests a meter's relay: disconnect, read back, reconnect, read back; the result is kept in "
                    + "the site database, and a relay that passed is not switched again before go-live.",
                "Exits with 1 when the relay does not read back as told."})
    static final class TestRelay extends ConnectCommissionCommand.Subcommand {

        @Option(names = "--meter", required = true, paramLabel = "SCAN",
                description = "The meter's serial as typed or scanned.")
        String scan;

        @Override
        public Integer call() throws Exception {
            return run((day, out) -> {
                ConnectCommissionCommand.through(day, CommissionStep.GATEWAY, "The relay test");
                String serial = MeterSerial.fromScan(scan);
                Optional<RelayTest> before = day.records().relayTests().stream()
                        .filter(test -> test.meterId().equals(serial)).findFirst();
                // A relay that passed is not switched again: the kept test stands, as the relay step keeps it.
                RelayTest tested = before.filter(RelayTest::passed).isPresent() ? before.get() : day.testRelay(scan);
                print(tested, before, day.plan().zone(), out);
                return tested.passed() ? ExitCode.OK : ExitCode.FAILED;
            });
        }

        private void print(RelayTest tested, Optional<RelayTest> before, ZoneId zone, PrintWriter out) {
            boolean repeated = before.filter(RelayTest::passed).isPresent();
            if (json) {
                out.println(Json.write(ConnectCommissionJson.Relay.of(tested, before.orElse(null), repeated)));
                return;
            }
            if (repeated) {
                out.printf("The relay of meter %s was tested before, at %s, and passed; it was not switched again.%n",
                        tested.meterId(), Formats.siteTime(tested.testedAt(), zone));
                return;
            }
            before.ifPresent(earlier -> out.printf("The relay of meter %s was tested before, at %s, and FAILED; "
                    + "tested again now.%n", earlier.meterId(), Formats.siteTime(earlier.testedAt(), zone)));
            if (tested.passed()) {
                out.printf("The relay of meter %s passed: OFF when told to disconnect, ON when told to "
                        + "reconnect.%n", tested.meterId());
            } else {
                out.printf("The relay of meter %s FAILED: %s%n", tested.meterId(), tested.note());
            }
        }
    }

    /** {@code status}: how far the gateway's commissioning and the site database's steps have come. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Shows how far the gateway's commissioning has come and, with the site database, which "
                    + "steps are done and which is next. Changes nothing."})
    static final class Status extends ConnectCommissionCommand.Subcommand {

        @Override
        public Integer call() throws Exception {
            Path file = siteFile != null ? siteFile : parent.connect.site;
            if (file == null) {
                return gatewayOnly();
            }
            return run((day, out) -> {
                CommissioningState state = day.gatewayCommissioning().state();
                List<StepState> steps = day.states();
                if (json) {
                    out.println(Json.write(new ConnectCommissionJson.Status(state, steps)));
                    return ExitCode.OK;
                }
                print(state, day.gateway().map(hello -> hello.gatewayId()).orElse("?"), day.plan().zone(), out);
                out.println("Steps: " + steps.stream().map(step -> step.step() + " "
                        + step.status().name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                        + ".");
                return ExitCode.OK;
            });
        }

        /** Without a site database: the gateway's own state only. */
        private int gatewayOnly() throws Exception {
            try (GatewayClient client = parent.connect.open()) {
                CommissioningState state = client.commissioning().state();
                PrintWriter out = command.commandLine().getOut();
                if (json) {
                    out.println(Json.write(new ConnectCommissionJson.Status(state, List.of())));
                } else {
                    print(state, client.hello().gatewayId(), ZoneOffset.UTC, out);
                }
                return ExitCode.OK;
            } catch (LinkException e) {
                if (!FieldOptions.refusedByGateway(e)) {
                    throw e;
                }
                return FieldOptions.refused(command, e);
            }
        }

        private static void print(CommissioningState state, String gatewayId, ZoneId zone,
                PrintWriter out) {
            if (state.factoryFresh()) {
                out.printf("Gateway %s is factory-fresh: %d meter(s) joined its mesh; set it up next.%n", gatewayId,
                        state.joinedMeters());
                return;
            }
            out.printf("Gateway %s serves site %s (operator key %s): %d meter(s) joined, %d customer(s) "
                    + "commissioned, %s.%n", gatewayId, state.siteId(), state.operatorKeyId(), state.joinedMeters(),
                    state.commissionedCustomers().size(), state.liveAt() == null ? "not live yet"
                            : "live since " + Formats.siteTime(state.liveAt(), zone));
        }
    }
}
