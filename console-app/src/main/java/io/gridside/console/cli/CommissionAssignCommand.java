package io.gridside.console.cli;

import io.gridside.site.commission.Assignment;
import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.PlannedCustomer;
import io.gridside.site.store.CommissionRecords;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            + "nothing.",
            "--planned gives every customer (or the one of --customer) the meter the customers file planned, "
                + "going on past a refusal; --take-back takes a customer's meter back."},
        footer = {"", "Exit codes: 0 assigned; 1 refused, with the reason; 2 a usage error."})
final class CommissionAssignCommand implements Callable<Integer> {

    static final String ASSIGN_REFUSED = "ASSIGN_REFUSED";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--customer", paramLabel = "ID", description = "The customer's id.")
    String customerId;

    @Option(names = "--meter", paramLabel = "SCAN", description = "The meter's serial as typed or scanned.")
    String scan;

    @Option(names = "--planned", description = "Give the meters the customers file planned.")
    boolean planned;

    @Option(names = "--take-back", description = "Take the customer's meter back instead, to give another.")
    boolean takeBack;

    @Option(names = "--json", description = "Print the assignments made as JSON.")
    boolean json;

    @Override
    public Integer call() {
        int ways = (scan != null ? 1 : 0) + (planned ? 1 : 0) + (takeBack ? 1 : 0);
        if (ways != 1 || (!planned && customerId == null)) {
            throw new UsageException("Give --customer ID with --meter SCAN to assign a meter, or with --take-back "
                    + "to take one back; or --planned to give the meters the customers file planned.");
        }
        PrintWriter out = command.commandLine().getOut();
        try (SiteStore store = site.open()) {
            CommissionRecords records = store.commission();
            records.refuseWhenClosed();
            if (takeBack) {
                boolean had = records.unassign(customerId);
                records.reopen(CommissionStep.ASSIGN);
                out.println(had ? "Took the meter of customer " + customerId + " back."
                        : "Customer " + customerId + " had no meter; nothing changed.");
                return ExitCode.OK;
            }
            Instant now = Instant.now();
            List<Assignment> made = new ArrayList<>();
            int refused = planned ? planned(records, now, made) : 0;
            if (!planned) {
                made.add(CommissionSite.refusing(() -> records.assign(customerId, scan, now)));
            }
            int customers = records.customers().size();
            int assigned = records.assignments().size();
            if (assigned == customers) {
                records.markDone(CommissionStep.ASSIGN, now, assigned + " meters assigned");
            }
            if (json) {
                out.println(Json.write(made));
            } else {
                for (Assignment assignment : made) {
                    out.printf("Meter %s is customer %s's%s.%n", assignment.meterId(), assignment.customerId(),
                            assignment.assignedAt().equals(now) ? "" : " (since before)");
                }
                out.printf("%d of %d customers have a meter.%n", assigned, customers);
            }
            if (refused > 0) {
                throw new RefusedException(refused + " planned " + (refused == 1 ? "meter was" : "meters were")
                        + " refused, listed above; " + made.size() + " given.", ASSIGN_REFUSED);
            }
        }
        return ExitCode.OK;
    }

    /** Gives the planned meters, adding each to {@code made} and printing each refusal; answers how many. */
    private int planned(CommissionRecords records, Instant now, List<Assignment> made) {
        int refused = 0;
        for (PlannedCustomer customer : records.customers()) {
            if (customer.meterSerial() == null || customerId != null && !customer.customerId().equals(customerId)) {
                continue;
            }
            try {
                made.add(records.assign(customer.customerId(), customer.meterSerial(), now));
            } catch (CommissionRefusal e) {
                refused++;
                command.commandLine().getErr().println(customer.customerId() + ": " + e.getMessage() + " ["
                        + e.code() + "]");
            }
        }
        return refused;
    }
}
