package io.gridside.console.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every {@code mesh} command takes, given before the subcommand's name or after it: the site
 * database, the moment and the output form.
 */
final class MeshOptions {

    @Option(names = "--site", paramLabel = "FILE", description = "The site database file.")
    Path siteFile;

    @Option(names = "--at", paramLabel = "WHEN", description = {"The mesh as it stood then, in the site's time "
        + "zone: a date and time (2026-06-03T18:00), a date (its start), or an instant with an offset or Z.",
        "Default: the latest mesh the database holds."})
    String at;

    @Option(names = "--json", description = "Print a JSON object for programs.")
    boolean json;

    /** These options, with what the {@code mesh} command was given filling what the subcommand was not. */
    MeshOptions or(MeshOptions parent) {
        MeshOptions merged = new MeshOptions();
        merged.siteFile = siteFile != null ? siteFile : parent.siteFile;
        merged.at = at != null ? at : parent.at;
        merged.json = json || parent.json;
        return merged;
    }

    /** The site database, which every mesh command needs. */
    Path requireSite() {
        if (siteFile == null) {
            throw new UsageException("Name the site database with --site FILE, such as: gridside mesh --site "
                    + "site.db spof.");
        }
        return siteFile;
    }
}
