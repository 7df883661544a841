package io.gridside.console.cli;

import io.gridside.site.commission.Assignment;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside commission assign --customer ID --meter SCAN}: gives a joined meter to a customer by its serial,
 * typed or read by a barcode scanner; the same meter on two customers, or a meter of the wrong type, is refused.
 */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Gives a meter that joined the mesh to a customer, by the serial on its label: typed, or read "
            + "by a barcode scanner (Code 128, or a QR code holding serial=...). The check digit is checked; a "
            + "meter already given, a customer who has a meter, or a meter of the wrong type (a MILL needs three "
            + "phases) is refused with the reason. Giving the same meter to the same customer again changes "
            + "nothing. --take-back takes a customer's meter back."},
        footer = {"", "Exit codes: 0 assigned; 1 refused, with the reason; 2 a usage error."})
final class CommissionAssignCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--customer", paramLabel = "ID", required = true, description = "The customer's id.")
    String customerId;

    @Option(names = "--meter", paramLabel = "SCAN", description = "The meter's serial as typed or scanned.")
    String scan;

    @Option(names = "--take-back", description = "Take the customer's meter back instead, to give another.")
    boolean takeBack;

    @Option(names = "--json", description = "Print the assignment as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (takeBack == (scan != null)) {
            throw new UsageException("Give either --meter SCAN to assign a meter or --take-back to take one back.");
        }
        PrintWriter out = command.commandLine().getOut();
        try (SiteStore store = site.open()) {
            CommissionRecords records = store.commission();
            if (takeBack) {
                boolean had = records.unassign(customerId);
                records.reopen(CommissionStep.ASSIGN);
                out.println(had ? "Took the meter of customer " + customerId + " back."
                        : "Customer " + customerId + " had no meter; nothing changed.");
                return ExitCode.OK;
            }
            Instant now = Instant.now();
            Assignment assignment = CommissionSite.refusing(() -> records.assign(customerId, scan, now));
            int customers = records.customers().size();
            int assigned = records.assignments().size();
            if (assigned == customers) {
                records.markDone(CommissionStep.ASSIGN, now, assigned + " meters assigned");
            }
            if (json) {
                out.println(Json.write(assignment));
            } else {
                out.printf("Meter %s is customer %s's%s. %d of %d customers have a meter.%n", assignment.meterId(),
                        customerId, assignment.assignedAt().equals(now) ? "" : " (since before)", assigned,
                        customers);
            }
        }
        return ExitCode.OK;
    }
}
