package io.gridside.console.cli;

import io.gridside.site.commission.CommissionRefusal;
import io.gridside.site.commission.CommissionStep;
import io.gridside.site.commission.JoinedMeter;
import io.gridside.site.commission.LinkCheck;
import io.gridside.site.commission.LinkChecks;
import io.gridside.site.commission.LinkSuggestion;
import io.gridside.site.commission.LinkThresholds;
import io.gridside.site.commission.LinkVerdict;
import io.gridside.site.store.SiteStore;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gridside commission check-links}: every joined meter's links against the thresholds, with a suggestion for
 * those that fall short.
 */
@Command(name = "check-links", mixinStandardHelpOptions = true,
        description = {"Checks each meter that joined the mesh against the link thresholds (signal both ways, ETX, "
            + "routes): pass, needs attention or fail, with the reasons, and suggests moving an antenna or adding "
            + "a repeater near a cluster of weak meters. The defaults are in docs/commissioning.md.",
        "A limit given here is kept for the site, as one changed on the Commissioning screen is; a limit not "
            + "given is the one kept for the site, or the default."},
        footer = {"", "Exit codes: 0 no meter fails; 1 a meter fails; 2 a usage error."})
final class CommissionCheckLinksCommand implements Callable<Integer> {

    static final String LINKS_FAIL = "LINKS_FAIL";

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Mixin
    CommissionSite site;

    @Option(names = "--pass-rssi", paramLabel = "DBM", description = "Weakest signal that passes (default -90).")
    Double passRssi;

    @Option(names = "--fail-rssi", paramLabel = "DBM", description = "A weaker signal fails (default -100).")
    Double failRssi;

    @Option(names = "--pass-etx", paramLabel = "ETX", description = "Highest ETX that passes (default 2).")
    Double passEtx;

    @Option(names = "--fail-etx", paramLabel = "ETX", description = "A higher ETX fails (default 4).")
    Double failEtx;

    @Option(names = "--pass-routes", paramLabel = "N", description = "Fewest routes that pass (default 2).")
    Integer passRoutes;

    @Option(names = "--fail-routes", paramLabel = "N", description = "Fewer routes fail (default 1).")
    Integer failRoutes;

    @Option(names = "--cluster-metres", paramLabel = "M",
            description = "Weak meters this close form a cluster (default 150).")
    Double clusterMetres;

    @Option(names = "--json", description = "Print the checks and suggestions as JSON.")
    boolean json;

    /** The JSON output: the field names are a contract with scripts. */
    record LinksJson(LinkThresholds thresholds, List<LinkCheck> checks, List<LinkSuggestion> suggestions) {
    }

    @Override
    public Integer call() {
        try (SiteStore store = site.open()) {
            LinkThresholds thresholds = thresholds(store.commission().thresholds().orElse(LinkThresholds.DEFAULTS));
            if (chosen()) {
                store.commission().saveThresholds(thresholds);
            }
            List<JoinedMeter> joined = store.commission().joined();
            if (joined.isEmpty()) {
                throw new RefusedException("No meter has joined the mesh yet, as far as this site database knows; "
                        + "list the joined meters from the gateway first.", CommissionRefusal.NOT_READY);
            }
            List<LinkCheck> checks = LinkChecks.checkAll(joined, thresholds);
            List<LinkSuggestion> suggestions = LinkChecks.suggest(joined, checks, thresholds);
            Instant now = Instant.now();
            store.commission().saveLinkChecks(checks, now);
            long failing = checks.stream().filter(check -> check.verdict() == LinkVerdict.FAIL).count();
            print(new LinksJson(thresholds, checks, suggestions));
            if (failing > 0) {
                throw new RefusedException(failing + (failing == 1 ? " meter fails" : " meters fail") + " the link "
                        + "check; follow the suggestions and check again.", LINKS_FAIL);
            }
            store.commission().markDone(CommissionStep.LINK_CHECK, now, checks.size() + " meters checked");
        }
        return ExitCode.OK;
    }

    /** Whether the technician gave any limit on the command line. */
    private boolean chosen() {
        return passRssi != null || failRssi != null || passEtx != null || failEtx != null || passRoutes != null
                || failRoutes != null || clusterMetres != null;
    }

    /** The limits given on the command line, each one not given taken from {@code kept}. */
    private LinkThresholds thresholds(LinkThresholds kept) {
        try {
            return new LinkThresholds(passRssi != null ? passRssi : kept.passRssiDbm(),
                    failRssi != null ? failRssi : kept.failRssiDbm(), passEtx != null ? passEtx : kept.passEtx(),
                    failEtx != null ? failEtx : kept.failEtx(), passRoutes != null ? passRoutes : kept.passRoutes(),
                    failRoutes != null ? failRoutes : kept.failRoutes(),
                    clusterMetres != null ? clusterMetres : kept.clusterMetres());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ".", e, UsageException.USAGE);
        }
    }

    private void print(LinksJson links) {
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            out.println(Json.write(links));
            return;
        }
        for (LinkCheck check : links.checks()) {
            out.printf("%-12s %-9s %s%n", check.meterId(), check.verdict().name().toLowerCase(Locale.ROOT),
                    String.join("; ", check.reasons()));
        }
        if (!links.suggestions().isEmpty()) {
            out.println();
            out.println("Suggestions:");
            links.suggestions().forEach(suggestion -> out.println("  " + suggestion.text()));
        }
    }
}
