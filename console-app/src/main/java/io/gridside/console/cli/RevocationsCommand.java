package io.gridside.console.cli;

import io.gridside.console.service.RevocationCarrier;
import io.gridside.link.auth.Ed25519;
import io.gridside.link.auth.RevocationList;
import io.gridside.link.auth.SignedRevocationList;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside credential revocations --site FILE}: the operator's revocation list that a site database holds,
 * which sync brought down and each connection gives the gateway.
 */
@Command(name = "revocations", mixinStandardHelpOptions = true,
        description = {"Prints the operator's revocation list a site database holds: the technicians and technician "
            + "keys it revokes. Sync brings it from the cloud; every connection to the site's gateway gives it to "
            + "the gateway if the gateway holds an older one.",
            "Exits 1 when the database holds no list."})
final class RevocationsCommand implements Callable<Integer> {

    /** The list as {@code --json} prints it. */
    record ListJson(String operatorKeyId, long serial, Instant issuedAt, List<String> technicianIds,
            List<String> technicianKeyFingerprints) {
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--site", paramLabel = "FILE", required = true, description = "The site database file.")
    Path siteFile;

    @Option(names = "--json", description = "Print the list as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Optional<SignedRevocationList> held;
        try (SiteStore store = SiteFiles.openExisting(siteFile)) {
            held = RevocationCarrier.listIn(store);
        }
        if (held.isEmpty()) {
            command.commandLine().getErr().println("gridside: The site database holds no revocation list; sync "
                    + "with the cloud to fetch the operator's. [NO_REVOCATION_LIST]");
            return ExitCode.FAILED;
        }
        RevocationList list = held.get().list();
        List<String> keys = list.technicianKeys().stream().map(Ed25519::fingerprint).toList();
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(new ListJson(list.operatorKeyId(), list.serial(), list.issuedAt(),
                    list.technicianIds(), keys)));
            return ExitCode.OK;
        }
        out.println("Revocation list " + list.serial() + " of operator key " + list.operatorKeyId() + ", issued "
                + list.issuedAt() + ".");
        out.println("Technicians revoked: " + (list.technicianIds().isEmpty() ? "none"
                : String.join(", ", list.technicianIds())));
        out.println("Technician keys revoked: " + (keys.isEmpty() ? "none" : keys.size()));
        keys.forEach(key -> out.println("  " + key));
        out.println("Signature not checked here; each gateway checks it against the operator keys it trusts.");
        return ExitCode.OK;
    }
}
