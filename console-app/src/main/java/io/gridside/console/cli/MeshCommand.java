package io.gridside.console.cli;

import io.gridside.site.SiteInfo;
import io.gridside.site.store.SiteStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gridside mesh --site FILE [--at WHEN] [--json] spof|links|export}: the mesh's answers from a site
 * database, offline: which meters' loss would cut others off, which links are weak or one-way, which meters have
 * a single route, and the mesh with its metrics as a file for other tools.
 */
@Command(name = "mesh", mixinStandardHelpOptions = true,
        description = {"The mesh's answers from a site database, without a gateway, on the latest mesh it holds or "
            + "the mesh as it stood at --at.",
            "spof lists the meters whose loss would cut others off from the gateway, with the customers and daily "
                + "revenue cut off; links lists weak links, one-way links and meters with a single route; export "
                + "writes the mesh with its metrics as JSON or GraphML.",
            "--site, --at and --json may be given before the subcommand's name or after it."},
        footer = {"", "Exit codes: 0 printed or written; 1 refused (no mesh held of that moment, a file that exists "
            + "or cannot be written); 2 a usage error, such as a missing or never-pulled site database."},
        subcommands = {MeshSpofCommand.class, MeshLinksCommand.class, MeshExportCommand.class})
final class MeshCommand implements Callable<Integer> {

    @Mixin
    MeshOptions options;

    @Override
    public Integer call() {
        throw new UsageException("Name what to show of the mesh: gridside mesh --site FILE spof, gridside mesh --site "
                + "FILE links, or gridside mesh --site FILE export --format json|graphml --out FILE.");
    }

    /** The site a database describes, or the usage error of one never pulled into. */
    static SiteInfo siteOf(SiteStore store, MeshOptions options) {
        return store.site().orElseThrow(() -> SiteFiles.noSite(options.siteFile));
    }
}
