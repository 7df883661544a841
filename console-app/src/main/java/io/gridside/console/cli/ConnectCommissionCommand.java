package io.gridside.console.cli;

import io.gridside.console.Formats;
import io.gridside.link.auth.CommissioningPackFile;
import io.gridside.link.auth.SignedCommissioningPack;
import io.gridside.link.client.CancelSignal;
import io.gridside.link.client.GatewayClient;
import io.gridside.link.client.GatewayCommissioning;
import io.gridside.link.client.LinkException;
import io.gridside.link.message.CommissionMeter;
import io.gridside.link.message.CommissioningState;
import io.gridside.link.message.MeterCommissioned;
import io.gridside.link.message.RelayTested;
import io.gridside.link.message.SiteSetUp;
import io.gridside.link.message.WentLive;
import io.gridside.site.CustomerCategory;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.SitePlan;
import io.gridside.site.store.SiteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gridside connect ... commission}: commissions a factory-fresh gateway over the link (protocol sections 6.30
 * and 6.31): its setup with the operator's pack, the meters that joined its mesh, each meter given to a customer,
 * relay tests and go-live. Every subcommand is safe to run again: the gateway answers a repeat as it did the first
 * time and applies nothing twice.
 */
@Command(name = "commission", mixinStandardHelpOptions = true,
        description = {"Commissions a factory-fresh gateway: setup, joined meters, assign, relay test, go-live.",
            "Each subcommand is safe to run again: the gateway applies nothing twice."},
        subcommands = {ConnectCommissionCommand.Setup.class, ConnectCommissionCommand.Joined.class,
            ConnectCommissionCommand.Assign.class, ConnectCommissionCommand.RelayTest.class,
            ConnectCommissionCommand.GoLiveCommand.class, ConnectCommissionCommand.Status.class})
final class ConnectCommissionCommand {

    @ParentCommand
    ConnectCommand connect;

    /**
     * Runs {@code request} in a new session; a refusal by the gateway is a failed command (exit 1), the rest as
     * any connect command.
     */
    int run(CommandSpec command, Request request) throws IOException {
        try (GatewayClient client = connect.open()) {
            return request.run(client, client.commissioning(), command.commandLine().getOut());
        } catch (LinkException e) {
            if (!FieldOptions.refusedByGateway(e)) {
                throw e;
            }
            return FieldOptions.refused(command, e);
        }
    }

    /** What every subcommand has: the connect command it runs under, its own spec, and {@code --json}. */
    abstract static class Subcommand implements Callable<Integer> {

        @ParentCommand
        ConnectCommissionCommand parent;

        @Spec
        CommandSpec command;

        @Option(names = "--json", description = "Print JSON for programs.")
        boolean json;
    }

    /** One commissioning request and how its answer is printed. */
    interface Request {
        int run(GatewayClient client, GatewayCommissioning commissioning, PrintWriter out) throws IOException;
    }

    /** {@code setup}: the site of the site database, the laptop's clock and the operator's pack. */
    @Command(name = "setup", mixinStandardHelpOptions = true,
            description = {"Sets up a factory-fresh gateway: the site of the database given to connect with --site "
                    + "(made by gridside commission create-site), the laptop's clock, and the operator's pack, "
                    + "whose operator key the gateway trusts from then on.",
                "The gateway's key is pinned for the site on this laptop once the gateway takes the setup."})
    static final class Setup extends Subcommand {

        @Option(names = "--pack", required = true, paramLabel = "FILE",
                description = "The commissioning pack the operator made (gridside commission pack).")
        Path pack;

        @Override
        public Integer call() throws IOException {
            SitePlan plan = plan();
            SignedCommissioningPack signed = readPack();
            return parent.run(command, (client, commissioning, out) -> {
                SiteSetUp setUp = commissioning.setUpSite(plan, Instant.now(), signed);
                if (json) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("siteId", setUp.siteId());
                    fields.put("gatewayId", setUp.gatewayId());
                    fields.put("gatewayKey", client.hello().gatewayKey().hex());
                    fields.put("operatorKeyId", setUp.operatorKeyId());
                    fields.put("tariffIds", setUp.tariffIds());
                    fields.put("technicianIds", setUp.technicianIds());
                    fields.put("clock", setUp.clock());
                    fields.put("repeated", setUp.repeated());
                    out.println(Json.write(fields));
                } else {
                    out.printf("Gateway %s %s site %s, trusting operator key %s; its clock reads %s.%n",
                            setUp.gatewayId(), setUp.repeated() ? "was set up already for" : "now serves",
                            setUp.siteId(), setUp.operatorKeyId(), Formats.siteTime(setUp.clock(), plan.zone()));
                    out.printf("Tariffs %s; technicians %s.%n", String.join(", ", setUp.tariffIds()),
                            String.join(", ", setUp.technicianIds()));
                }
                return ExitCode.OK;
            });
        }

        private SitePlan plan() {
            Path file = parent.connect.site;
            if (file == null) {
                throw new UsageException("Give the new site's database to connect with --site FILE (made by "
                        + "gridside commission create-site): setup sends its site's plan.");
            }
            try (SiteStore store = SiteFiles.openExisting(file)) {
                return store.commission().plan().orElseThrow(() -> new UsageException("The site database " + file
                        + " holds no site plan: create the site with gridside commission create-site first."));
            }
        }

        private SignedCommissioningPack readPack() {
            try {
                return CommissioningPackFile.read(pack);
            } catch (IOException e) {
                throw new UsageException(e.getMessage() + " Ask the operator for the pack again.", e,
                        "COMMISSION_PACK_UNREADABLE");
            }
        }
    }

    /** {@code joined}: the meters that joined the gateway's mesh. */
    @Command(name = "joined", mixinStandardHelpOptions = true,
            description = "Lists the meters that joined the gateway's mesh, with their position and signal.")
    static final class Joined extends Subcommand {

        @Option(names = "--since", paramLabel = "INSTANT",
                description = "Only meters that joined at or after this UTC time, such as 2026-07-01T06:00:00Z.")
        String since;

        @Override
        public Integer call() throws IOException {
            Instant from = since();
            return parent.run(command, (client, commissioning, out) -> {
                List<JoinedMeter> joined = new ArrayList<>();
                commissioning.joinedMeters(from, (batch, received, total) -> joined.addAll(batch),
                        CancelSignal.NEVER);
                if (json) {
                    out.println(Json.write(joined));
                    return ExitCode.OK;
                }
                out.printf("%d meter(s) joined.%n", joined.size());
                for (JoinedMeter meter : joined) {
                    out.printf("%s  %s  %d-phase  %.5f,%.5f  up %.0f dBm  down %.0f dBm  ETX %.2f  routes %d  hops "
                            + "%d  joined %s%n", meter.meterId(), meter.hardwareId(), meter.phases(),
                            meter.latitude(), meter.longitude(), meter.upRssiDbm(), meter.downRssiDbm(), meter.etx(),
                            meter.routes(), meter.hops(), meter.joinedAt());
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

    /** {@code assign}: one meter to one customer, with a tariff and an opening balance. */
    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = {"Gives a meter that joined the mesh to a customer, on a tariff of the pack, with an "
                    + "opening balance that is posted when the site goes live.",
                "Running it again for the same customer is safe; the same meter for another customer is refused."})
    static final class Assign extends Subcommand {

        @Option(names = "--meter", required = true, paramLabel = "SERIAL", description = "The meter's serial.")
        String meter;

        @Option(names = "--customer", required = true, paramLabel = "ID", description = "The customer's id.")
        String customer;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The customer's name.")
        String name;

        @Option(names = "--category", paramLabel = "CATEGORY", defaultValue = "HOUSEHOLD",
                description = "HOUSEHOLD, SHOP or MILL (default: ${DEFAULT-VALUE}).")
        CustomerCategory category;

        @Option(names = "--tariff", required = true, paramLabel = "ID", description = "A tariff id of the pack.")
        String tariff;

        @Option(names = "--opening-balance", paramLabel = "AMOUNT", defaultValue = "0",
                description = "The credit the account opens with, in the site's currency (default: 0).")
        String openingBalance;

        @Override
        public Integer call() throws IOException {
            FieldOptions.required("--name", name);
            return parent.run(command, (client, commissioning, out) -> {
                String currency = client.hello().currency();
                if (currency.isEmpty()) {
                    throw new UsageException("The gateway is factory-fresh: set it up first with connect ... "
                            + "commission setup.", null, "COMMISSION_NOT_SET_UP");
                }
                long opening = FieldOptions.minorUnits("--opening-balance", openingBalance, currency);
                MeterCommissioned done = commissioning.commission(new CommissionMeter(meter, customer, name,
                        category, tariff, opening));
                if (json) {
                    out.println(Json.write(done));
                } else {
                    String given = done.repeated() ? "was given already to" : "is given to";
                    out.printf("Meter %s (billed as %s) %s customer %s on tariff %s, opening balance %s.%n",
                            done.meterSerial(), done.meterId(), given, done.customerId(), done.tariffId(),
                            Formats.money(done.openingBalanceMinor(), done.currency()));
                }
                return ExitCode.OK;
            });
        }
    }

    /** {@code relay-test}: one meter's relay off and on, read back each time. */
    @Command(name = "relay-test", mixinStandardHelpOptions = true,
            description = {"Tests a meter's relay: disconnect, read back, reconnect, read back.",
                "Exits with 1 when the relay does not read back as told."})
    static final class RelayTest extends Subcommand {

        @Option(names = "--meter", required = true, paramLabel = "SERIAL", description = "The meter's serial.")
        String meter;

        @Override
        public Integer call() throws IOException {
            return parent.run(command, (client, commissioning, out) -> {
                RelayTested tested = commissioning.testRelay(meter);
                if (json) {
                    out.println(Json.write(tested));
                } else if (tested.passed()) {
                    out.printf("The relay of meter %s passed: OFF when told to disconnect, ON when told to "
                            + "reconnect.%n", tested.meterSerial());
                } else {
                    out.printf("The relay of meter %s FAILED: %s%n", tested.meterSerial(), tested.failure());
                }
                return tested.passed() ? ExitCode.OK : ExitCode.FAILED;
            });
        }
    }

    /** {@code go-live}: billing on. */
    @Command(name = "go-live", mixinStandardHelpOptions = true,
            description = {"Switches the gateway's billing on: the customers' accounts open with their opening "
                    + "balances now, each is billed on their own tariff from the next quarter hour, and the meters "
                    + "no customer was given are not billed.",
                "Refused before setup and with no customer; running it again is safe."})
    static final class GoLiveCommand extends Subcommand {

        @Override
        public Integer call() throws IOException {
            return parent.run(command, (client, commissioning, out) -> {
                WentLive live = commissioning.goLive();
                if (json) {
                    out.println(Json.write(live));
                } else {
                    out.printf("The site %s live at %s: %d customer(s) billed, %d meter(s) without a customer "
                            + "and not billed.%n",
                            live.repeated() ? "was" : "went", live.liveAt(), live.customers(),
                            live.uncommissionedMeters());
                }
                return ExitCode.OK;
            });
        }
    }

    /** {@code status}: how far commissioning has come. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Shows how far the gateway's commissioning has come.")
    static final class Status extends Subcommand {

        @Override
        public Integer call() throws IOException {
            return parent.run(command, (client, commissioning, out) -> {
                CommissioningState state = commissioning.state();
                if (json) {
                    out.println(Json.write(state));
                } else if (state.factoryFresh()) {
                    out.printf("Gateway %s is factory-fresh: %d meter(s) joined its mesh; set it up next.%n",
                            client.hello().gatewayId(), state.joinedMeters());
                } else {
                    out.printf("Gateway %s serves site %s (operator key %s): %d meter(s) joined, %d customer(s) "
                            + "commissioned, %s.%n", client.hello().gatewayId(), state.siteId(),
                            state.operatorKeyId(), state.joinedMeters(), state.commissionedCustomers().size(),
                            state.liveAt() == null ? "not live yet" : "live since " + state.liveAt());
                }
                return ExitCode.OK;
            });
        }
    }
}
